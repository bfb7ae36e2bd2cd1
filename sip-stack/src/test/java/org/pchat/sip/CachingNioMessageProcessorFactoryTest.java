package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.stack.MessageChannel;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CachingNioMessageProcessorFactoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "::1", "fe80::1:2", "2001:db8::abcd"})
    void channelKeyIsTheKeyTheStackFilesChannelsUnder(String address) throws Exception {
        InetAddress host = InetAddress.getByName(address);

        assertThat(CachingNioMessageProcessorFactory.channelKey("TCP", host, 5061))
                .isEqualTo(MessageChannel.getKey(host, 5061, "TCP"));
    }
}
