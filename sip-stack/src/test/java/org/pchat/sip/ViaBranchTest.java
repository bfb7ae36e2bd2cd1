package org.pchat.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The branch of the first via-parm, RFC 3261 §20.42 and §25.1 (LWS around SEMI and EQUAL, any case). */
class ViaBranchTest {

    @Test
    void theBranchParameterIsReadWhereverItStands() {
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/TCP 10.0.0.1:5061;branch=z9hG4bK776asdhds"))
                .isEqualTo("z9hG4bK776asdhds");
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/UDP pc33.atlanta.com;rport;branch=z9hG4bKnashds8;received=1.2.3.4"))
                .isEqualTo("z9hG4bKnashds8");
    }

    @Test
    void spaceAroundSeparatorsAndTheNamesCaseDoNotMatter_rfc3261_25_1() {
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/TCP h:5061 ; Branch = z9hG4bK-1 ; rport")).isEqualTo("z9hG4bK-1");
    }

    @Test
    void onlyTheFirstViaParmCounts_rfc3261_20_42() {
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/TCP a:1;branch=z9hG4bK-top, SIP/2.0/TCP b:2;branch=z9hG4bK-2"))
                .isEqualTo("z9hG4bK-top");
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/TCP a:1, SIP/2.0/TCP b:2;branch=z9hG4bK-2")).isNull();
    }

    @Test
    void noBranchAnEmptyOneOrAQuotedParameterBeforeItGiveNull() {
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/UDP 10.0.0.1:5060")).isNull();
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/UDP 10.0.0.1:5060;branch=")).isNull();
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/UDP h;x=\"a;branch=b\";branch=z9hG4bK-1")).isNull();
        assertThat(ViaBranch.ofFirstValue("SIP/2.0/UDP h;mybranch=z9hG4bK-1")).isNull();
    }
}
