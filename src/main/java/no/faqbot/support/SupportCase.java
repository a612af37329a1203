package no.faqbot.support;

/**
 * A support e-mail prepared or sent, as insights records it: never an address or an attachment.
 *
 * @param conversation the widget's random id for its session, or null
 * @param problem the flow's problem name, or null outside a flow
 * @param errorCode the error code the merchant gave (secrets removed), or null
 */
public record SupportCase(
    String conversation,
    String lang,
    String caseRef,
    String problem,
    String errorCode,
    boolean sent) {}
