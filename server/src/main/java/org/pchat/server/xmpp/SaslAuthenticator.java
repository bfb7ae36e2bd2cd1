package org.pchat.server.xmpp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.pchat.server.domain.DirectoryException;
import org.pchat.server.domain.UserUris;
import org.pchat.server.domain.credentials.ScramMechanism;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SASL negotiation of one connection (RFC 6120 §6): SCRAM-SHA-256, SCRAM-SHA-1 and, when allowed, PLAIN. Runs on
 * the connection's event loop; credential reads go to {@link XmppCredentials} and come back through
 * {@code eventLoop}. Payloads are never logged.
 */
final class SaslAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(SaslAuthenticator.class);

    /** Where the negotiation reports. */
    interface Listener {
        void send(XmlElement element);

        /** The client authenticated as this normalized user URI; the success element was sent. */
        void authenticated(String userUri);

        /** Too many failures: end the stream. */
        void tooManyFailures(int failures);
    }

    private final XmppEndpointConfig config;
    private final XmppCredentials credentials;
    private final Executor eventLoop;
    private final String connectionId;
    private final SecureRandom random;
    private ScramServer scram;
    private boolean busy;
    private int failures;

    SaslAuthenticator(XmppEndpointConfig config, XmppCredentials credentials, Executor eventLoop,
                      String connectionId, SecureRandom random) {
        this.config = Objects.requireNonNull(config, "config");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.eventLoop = Objects.requireNonNull(eventLoop, "eventLoop");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The mechanisms to offer; none without TLS unless plaintext authentication is allowed. */
    List<String> mechanisms(boolean secure) {
        List<String> names = new ArrayList<>();
        if (secure || config.plaintextAuth()) {
            names.add(ScramMechanism.SCRAM_SHA_256.saslName());
            names.add(ScramMechanism.SCRAM_SHA_1.saslName());
            names.add("PLAIN");
        }
        return names;
    }

    /** Handles an auth, response or abort element. */
    void handle(XmlElement element, boolean secure, Listener listener) {
        if (busy) {
            fail(listener, "aborted", "a SASL element while a credential check was running");
            return;
        }
        switch (element.name()) {
            case "auth" -> auth(element, secure, listener);
            case "response" -> response(element, listener);
            case "abort" -> {
                scram = null;
                fail(listener, "aborted", "the client aborted");
            }
            default -> fail(listener, "malformed-request", "unknown SASL element <" + element.name() + ">");
        }
    }

    private void auth(XmlElement auth, boolean secure, Listener listener) {
        String mechanism = auth.attribute("mechanism").orElse("");
        if (!mechanisms(secure).contains(mechanism)) {
            fail(listener, "invalid-mechanism", "mechanism '" + mechanism + "' is not offered");
            return;
        }
        Optional<String> payload = decode(auth.text());
        if (payload.isEmpty()) {
            fail(listener, "incorrect-encoding", "the initial response is not base64 UTF-8");
            return;
        }
        if (mechanism.equals("PLAIN")) {
            plain(payload.get(), listener);
            return;
        }
        ScramMechanism scramMechanism = mechanism.equals(ScramMechanism.SCRAM_SHA_1.saslName())
                ? ScramMechanism.SCRAM_SHA_1 : ScramMechanism.SCRAM_SHA_256;
        ScramServer.ClientFirst first;
        String userUri;
        try {
            first = ScramServer.parseClientFirst(payload.get());
            userUri = userUri(first.username());
        } catch (IllegalArgumentException | DirectoryException e) {
            fail(listener, "malformed-request", "bad " + mechanism + " client-first-message: " + e.getMessage());
            return;
        }
        lookup(listener, () -> credentials.scram(userUri, scramMechanism, keys -> eventLoop.execute(() -> {
            busy = false;
            if (keys.isEmpty()) {
                LOG.info("{} - {} for unknown user {}", connectionId, mechanism, userUri);
            }
            scram = new ScramServer(scramMechanism, first,
                    keys.orElseGet(() -> ScramServer.decoy(scramMechanism, random)), random);
            listener.send(Stanzas.sasl("challenge", encode(scram.serverFirst())));
        })));
    }

    private void response(XmlElement response, Listener listener) {
        ScramServer exchange = scram;
        scram = null;
        if (exchange == null) {
            fail(listener, "malformed-request", "a response without a running exchange");
            return;
        }
        Optional<String> clientFinal = decode(response.text());
        Optional<String> serverFinal = clientFinal.flatMap(exchange::finish);
        String userUri = userUri(exchange.username());
        if (serverFinal.isEmpty()) {
            fail(listener, "not-authorized", exchange.mechanism().saslName() + " proof of " + userUri
                    + " is wrong");
            return;
        }
        LOG.info("{} - {} authenticated with {}", connectionId, userUri, exchange.mechanism().saslName());
        listener.send(Stanzas.sasl("success", encode(serverFinal.get())));
        listener.authenticated(userUri);
    }

    private void plain(String message, Listener listener) {
        String[] parts = message.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || !(parts[0].isEmpty() || parts[0].equals(parts[1]))) {
            fail(listener, "malformed-request", "PLAIN message is not [authzid] NUL authcid NUL password");
            return;
        }
        String userUri;
        try {
            userUri = userUri(parts[1]);
        } catch (DirectoryException e) {
            fail(listener, "not-authorized", "PLAIN user name is not a user: " + e.getMessage());
            return;
        }
        char[] password = parts[2].toCharArray();
        lookup(listener, () -> credentials.verifyPlain(userUri, password, ok -> eventLoop.execute(() -> {
            busy = false;
            if (!ok) {
                fail(listener, "not-authorized", "PLAIN password of " + userUri + " is wrong");
                return;
            }
            LOG.info("{} - {} authenticated with PLAIN", connectionId, userUri);
            listener.send(Stanzas.sasl("success", null));
            listener.authenticated(userUri);
        })));
    }

    private void lookup(Listener listener, Runnable submit) {
        busy = true;
        try {
            submit.run();
        } catch (RejectedExecutionException e) {
            busy = false;
            LOG.warn("{} - credential check refused: queue of {} full", connectionId, config.authQueue());
            listener.send(Stanzas.saslFailure("temporary-auth-failure"));
        }
    }

    private void fail(Listener listener, String condition, String why) {
        failures++;
        LOG.info("{} - SASL failure {} of {} ({}): {}", connectionId, failures, config.maxAuthFailures(), condition,
                why);
        listener.send(Stanzas.saslFailure(condition));
        if (failures >= config.maxAuthFailures()) {
            listener.tooManyFailures(failures);
        }
    }

    /** {@code alice} or {@code alice@domain} → {@code sip:alice@domain}. */
    private String userUri(String username) {
        String user = username.contains("@") ? username : username + "@" + config.domain();
        return UserUris.normalize("sip:" + user);
    }

    private static Optional<String> decode(String base64) {
        String trimmed = base64.strip();
        if (trimmed.equals("=") || trimmed.isEmpty()) {
            return Optional.of("");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(trimmed);
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            return Optional.of(chars.toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
