package no.faqbot.chat;

/**
 * One message (or flow step answered) and the reply it got, handed to the recorder after the reply
 * is made. {@code conversation} is the widget's random id for its session, or null.
 */
public record ChatTurn(
    String conversation, ChatRequest request, ChatReply reply, Ranking ranking) {}
