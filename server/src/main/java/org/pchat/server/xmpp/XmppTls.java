package org.pchat.server.xmpp;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;

/** The server certificate for STARTTLS (RFC 6120 §5), from a PKCS#12 key store. */
public final class XmppTls {

    private final SslContext context;

    private XmppTls(SslContext context) {
        this.context = context;
    }

    /**
     * Loads the first key entry of a PKCS#12 key store.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no usable key
     */
    public static XmppTls fromPkcs12(Path keyStore, char[] password) {
        Objects.requireNonNull(keyStore, "keyStore");
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            return new XmppTls(SslContextBuilder.forServer(keys).build());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("XMPP TLS key store " + keyStore + " is unusable: " + e.getMessage(),
                    e);
        }
    }

    /** A handler for one connection that lets the pending {@code <proceed/>} out in clear (startTls mode). */
    SslHandler newStartTlsHandler(ByteBufAllocator allocator) {
        SSLEngine engine = context.newEngine(allocator);
        return new SslHandler(engine, true);
    }
}
