package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.sip.logging.Slf4jServerLogger;
import org.pchat.sip.logging.Slf4jStackLogger;

/** The JAIN-SIP properties an endpoint runs with. */
class StackPropertiesTest {

    @TempDir
    Path dir;

    private static Properties build(SipStackConfig config) {
        return StackProperties.build(config);
    }

    private static SipStackConfig.Builder config() {
        return SipStackConfig.builder("props").listen(SipTransport.TCP, 5070);
    }

    @Test
    void usesNioForEveryTransport() {
        assertThat(build(config().build()).getProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY"))
                .isEqualTo(CachingNioMessageProcessorFactory.class.getName());
    }

    @Test
    void logsThroughSlf4jBridges() {
        Properties props = build(config().build());

        assertThat(props.getProperty("gov.nist.javax.sip.STACK_LOGGER")).isEqualTo(Slf4jStackLogger.class.getName());
        assertThat(props.getProperty("gov.nist.javax.sip.SERVER_LOGGER"))
                .isEqualTo(Slf4jServerLogger.class.getName());
        assertThat(props.getProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT")).isEqualTo("false");
    }

    @Test
    void udpSocketsBufferMoreThanTheStacksEightKibibyteDefault() {
        Properties props = build(config().build());

        assertThat(props.getProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE")).isEqualTo("4194304");
        assertThat(props.getProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE")).isEqualTo("4194304");
    }

    @Test
    void finishedTransactionsKeepTheirMessagesAsBytesByDefault() {
        assertThat(build(config().build()).getProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY"))
                .isEqualTo("Normal");
    }

    @Test
    void anEndpointSendingManyRequestsKeepsParsedMessagesAndSkipsTheReparseOnTheTimerThread() {
        assertThat(build(config().compactFinishedTransactions(false).build())
                .getProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY")).isEqualTo("None");
    }

    @Test
    void timersRunOnAnExecutorThatPurgesCancelledTasks() {
        assertThat(build(config().build()).getProperty("gov.nist.javax.sip.TIMER_CLASS_NAME"))
                .isEqualTo("gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
    }

    @Test
    void dialogsAreLeftToTheApplication() {
        assertThat(build(config().build()).getProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT")).isEqualTo("off");
    }

    @Test
    void limitsComeFromTheConfig() {
        Properties props = build(config().maxMessageSize(65_536).threadPoolSize(3).maxConnections(42).build());

        assertThat(props.getProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE")).isEqualTo("65536");
        assertThat(props.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")).isEqualTo("3");
        assertThat(props.getProperty("gov.nist.javax.sip.MAX_CONNECTIONS")).isEqualTo("42");
    }

    @Test
    void jvmWidePostParsingPoolIsNotConfigured() {
        assertThat(build(config().build()).getProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE"))
                .isNull();
    }

    @Test
    void describeMasksPasswords() throws Exception {
        Path store = Files.writeString(dir.resolve("s.p12"), "x");
        Properties props = build(config().tls(TlsSettings.pkcs12(store, "very-secret")).build());

        assertThat(props.getProperty("javax.net.ssl.keyStorePassword")).isEqualTo("very-secret");
        assertThat(StackProperties.describe(props)).doesNotContain("very-secret")
                .contains("javax.net.ssl.keyStorePassword=****");
    }
}
