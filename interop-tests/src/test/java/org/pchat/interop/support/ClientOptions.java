package org.pchat.interop.support;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link XccosTestClient} is: who it claims to be ({@code From}), where it sends every request (the
 * node itself, or later the next-hop proxy), how it answers challenges and server INFOs, and how long it
 * waits for answers.
 *
 * @param userUri the identity in {@code From}, e.g. {@code sip:alice@example.com}
 * @param outboundProxy where every request goes over TCP
 * @param authenticator answers 401/407 challenges
 * @param infoAnswer how server INFOs are answered at first
 * @param timeout how long to wait for a SIP final response or an XCCOS reply
 */
public record ClientOptions(String userUri, HostPort outboundProxy, SipAuthenticator authenticator,
        InfoAnswer infoAnswer, Duration timeout) {

    public ClientOptions {
        Objects.requireNonNull(userUri, "userUri");
        Objects.requireNonNull(outboundProxy, "outboundProxy");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(infoAnswer, "infoAnswer");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code userUri} talking to {@code next}, no authentication, answering 200, waiting up to 15 s. */
    public static ClientOptions of(String userUri, HostPort next) {
        return new ClientOptions(userUri, next, SipAuthenticator.none(), InfoAnswer.OK, Duration.ofSeconds(15));
    }

    /** These options with another authenticator. */
    public ClientOptions withAuthenticator(SipAuthenticator newAuthenticator) {
        return new ClientOptions(userUri, outboundProxy, newAuthenticator, infoAnswer, timeout);
    }

    /** These options with another initial answer to server INFOs. */
    public ClientOptions withInfoAnswer(InfoAnswer newAnswer) {
        return new ClientOptions(userUri, outboundProxy, authenticator, newAnswer, timeout);
    }

    /** These options with another timeout. */
    public ClientOptions withTimeout(Duration newTimeout) {
        return new ClientOptions(userUri, outboundProxy, authenticator, infoAnswer, newTimeout);
    }

    /** The user part of {@link #userUri()}, e.g. {@code alice}. */
    public String user() {
        String rest = userUri.startsWith("sip:") ? userUri.substring(4) : userUri;
        int at = rest.indexOf('@');
        return at < 0 ? rest : rest.substring(0, at);
    }
}
