package no.faqbot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.faqbot.content.CannedReplies;
import no.faqbot.format.ContentProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables for the signals the chat reads straight from a message's words. */
class SignalsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "testkjøpet feiler hver gang | true",
        "betalingen går ikke gjennom i kassen | true",
        "kassa gjekk ikkje gjennom | true",
        "betalingen går ikke igennem, vi får en fejl | true",
        "inloggningen misslyckas | true",
        "uppgifterna godkänns inte | true",
        "the payment never completes | true",
        "something went wrong in the window | true",
        "we get 401 from the api | true",
        "vi ser bare testordrer i portalen | true",
        "ordrene vises som testordrer | true",
        "create order gives BAD_VALUE | true",
        "Magento viser «Betalingsmåten er ikke tilgjengelig» | true",
        "the plugin says 'try again later' | true",
        "det gikk galt i kassen | true",
        "nøglerne bliver ikke accepteret | true",
        "kassa berre snurrar | true",
        "none of the orders are visible in the portal | true",
        "kan vi bare teste i helgen? | false",
        "the portal shows what's new | false",
        "hvordan fungerer testmodus? | false",
        "how does the checkout work | false",
        "hvor finner jeg butikk-id | false",
        "kan jeg ikke bare bruke den gamle? | false",
        // What might happen is not a report; what did happen still is.
        "hva sender vi til dere hvis betalingen feiler? | false",
        "what do we do if the payment fails next week | false",
        "Om betalningen inte går igenom, vad gör vi då? | false",
        "betalingen feilet i går, hva gjør vi hvis det skjer igjen | true",
        "et spørsmål om betalingen som feilet | true"
      })
  void problem_reports(String message, boolean reports) {
    assertEquals(reports, ProblemSignal.reportsFailure(message));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "hva er renten på delbetaling | RATE",
        "hvor mye koster det per transaksjon | MONEY",
        "hva er gebyret per ordre | MONEY",
        "what's the maximum amount for pay later | LIMIT",
        "hva er minstebeløpet for delbetaling | LIMIT",
        "hvor mange dager har jeg på å aktivere | DURATION",
        "hva er organisasjonsnummeret deres | NUMBER",
        "koster det mer enn i dag | -",
        "hva er del opp, nedbetaling med rente for kundene | -",
        "how much time do we have before the old checkout stops | DURATION",
        "how can I see the fees per order | -",
        "hvordan endrer jeg rapporten | -"
      })
  void figure_questions(String message, FigureQuestion.Kind kind) {
    assertEquals(kind, FigureQuestion.asks(message));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jeg har fått en purring fra Klarna | true",
        "hvorfor er fakturaen min så høy | true",
        "kortet mitt blir avvist i kassen | true",
        "I bought shoes and returned them, when is the money back | true",
        "jag har betalt men får en påminnelse | true",
        "kunden min har fått purring, hva gjør jeg | false",
        "we get a reminder that our invoice from Klarna is due | false",
        "jeg handlet i egen nettbutikk for å teste | false",
        "hvorfor får jeg faktura fra Klarna for en refusjon | false",
        "hvor finner jeg butikk-id-en min | false",
        "betalingen min ble stoppet i nettbutikken | true", // the shop is where the buyer was
        "min butikk får ikke betalt | false", // the shop is the writer's
        "fikk en påminnelse om at KCO v2 skal legges ned | false", // a buyer has no KCO
        "fik en rykker om at opgradere | false", // nor upgrades, in any language
        "kortet mitt blir avvist i Shopify | false" // a platform is a merchant's, wherever it
        // stands
      })
  void consumers(String message, boolean consumer) {
    assertEquals(consumer, ConsumerSignal.isConsumer(message));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PayPal-knappen forsvinner i kassen | true",
        "how do I set up MobilePay in WooCommerce | true",
        "Google Pay-knappen vises ikke i kassen | true", // a name in two words
        "can customers pay with Apple Pay through Klarna | false",
        "vi bytter fra Stripe til Klarna, hva må vi gjøre | false",
        "testkjøpet feiler i Klarna-pluginen | false",
        "hvordan får jeg nettbutikken på nett | false"
      })
  void other_providers(String message, boolean other) {
    assertEquals(other, OtherProvider.only(message));
  }

  @ParameterizedTest(name = "{0} in \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "MONEY | Det koster 1,5 % per transaksjon. | true",
        "MONEY | Det er gratis å oppgradere. | true",
        "MONEY | Kontakt salgsavdelingen for pris. | false",
        "RATE | Betal senere er rentefritt for kunden. | true",
        "RATE | Kunden betaler en rente. | false",
        "DURATION | Ordren utløper etter 28 dager. | true",
        "DURATION | Ordren utløper etter en periode. | false",
        "DURATION | You keep access until October 2021. | true",
        "NUMBER | Butikk-ID-en er 12345678. | true",
        "LIMIT | Kunden kan handle for opptil 50 000 kr. | true",
        "LIMIT | Det er gratis for kunden og helt rentefritt. | false"
      })
  void figures_given(FigureQuestion.Kind kind, String answer, boolean gives) {
    assertEquals(gives, FigureQuestion.gives(kind, answer));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "hei | greeting",
        "Hei hei! | greeting",
        "tusen takk | thanks",
        "takk, hvor finner jeg butikk-id | -",
        "hei, testkjøpet feiler | -"
      })
  void small_talk(String message, String intent) {
    List<ContentProblem> problems = new ArrayList<>();
    CannedReplies replies =
        CannedReplies.parse(
            "replies.yaml",
            String.join(
                "\n",
                "version: 1",
                "greeting: {phrases: {nb: [hei, hei hei], en: [hi]}, reply: {nb: Hei, en: Hi}}",
                "thanks: {phrases: {nb: [takk, tusen takk], en: [thanks]}, reply: {nb: Takk, en: Thanks}}",
                "goodbye: {phrases: {nb: [ha det], en: [bye]}, reply: {nb: Ha det, en: Bye}}",
                "fallback: {reply: {nb: Vet ikke, en: Dunno}}",
                "suggestions: {reply: {nb: Mener du, en: Do you mean}}"),
            problems);
    assertEquals(List.of(), problems);
    assertEquals(Optional.ofNullable(intent), new SmallTalk(replies).intent(message, "nb"));
  }
}
