package org.pchat.proxy.torture;

import java.util.List;

/**
 * The messages of RFC 4475 §3.1 (SIP torture tests, parser torture), written out from the RFC's examples, each
 * with its section and what the RFC expects of an element receiving it. Text blocks are LF; {@link #bytes}
 * turns line ends into CRLF (bodies keep their lengths: Content-Length values were computed for CRLF).
 */
final class TortureMessages {

    private TortureMessages() {
    }

    /** What RFC 4475 says an element does with the message. */
    enum Expect {
        /** §3.1.1: a valid request; it must be processed (answered with anything but 400). */
        VALID_REQUEST,
        /** §3.1.1: a valid response; a proxy without a matching transaction drops it. */
        VALID_RESPONSE,
        /** §3.1.2: invalid; rejected with one of the listed statuses, or discarded. */
        INVALID
    }

    /**
     * For the messages where RFC 4475 lets a liberal element go on (§3.1.2.9 lwsstart, §3.1.2.10 trws, §3.1.2.12
     * baddate, §3.1.2.14 badaspec, §3.1.2.15 baddn) as long as it does not forward the error: the stack parses
     * them leniently and re-encodes them correctly, so the proxy processes them (here: challenges them).
     */
    static final List<Integer> LIBERAL = List.of(400, 407);

    record Torture(String section, String name, Expect expect, List<Integer> allowed, String text) {
        /**
         * The message with CRLF line ends. Valid messages (except dblreq, whose first request ends at its own
         * Content-Length: 0) get a Content-Length that matches their body after the CRLF conversion.
         */
        byte[] bytes() {
            String crlf = text.replace("\n", "\r\n");
            if (expect == Expect.INVALID || name.equals("dblreq")) {
                return crlf.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            int split = crlf.indexOf("\r\n\r\n");
            String head = crlf.substring(0, split);
            String body = crlf.substring(split + 4);
            int length = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            head = head.replaceFirst("(?im)^(content-length|l)(\\s*):(\\s*)\\d+", "$1$2:$3" + length);
            return (head + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "RFC 4475 " + section + " " + name;
        }
    }

    static final List<Torture> ALL = List.of(
            new Torture("§3.1.1.1", "wsinv", Expect.VALID_REQUEST, List.of(), """
                    INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
                    TO :
                     sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
                    from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>
                      ;
                      tag = 98asjd8
                    MaX-fOrWaRdS: 0068
                    Call-ID: wsinv.ndaksdj@192.0.2.1
                    Content-Length   : 150
                    cseq: 0009
                      INVITE
                    Via  : SIP  /   2.0
                     /UDP
                        192.0.2.2;branch=390skdjuw
                    s :
                    NewFangledHeader:   newfangled value
                     continued newfangled value
                    UnknownHeaderWithUnusualValue: ;;,,;;,;
                    Content-Type: application/sdp
                    Route:
                     <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
                    v:  SIP  / 2.0  / TCP     spindle.example.com   ;
                      branch  =   z9hG4bK9ikj8  ,
                     SIP  /    2.0   / UDP  192.168.255.111   ; branch=
                     z9hG4bK30239
                    m:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =
                          newvalue ;
                      secondparam ; q = 0.33

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.3
                    s=-
                    c=IN IP4 192.0.2.4
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.1.2", "intmeth", Expect.VALID_REQUEST, List.of(), """
                    !interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0
                    Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~
                    To: "BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>
                    From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439";tag=_token~1'+`*%!-.
                    Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/"][?}{
                    CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~
                    Max-Forwards: 255
                    extensionHeader-!.%*+_`'~:\uFEFF\u5927\u505c\u96fb
                    Content-Length: 0

                    """),
            new Torture("§3.1.1.3", "esc01", Expect.VALID_REQUEST, List.of(), """
                    INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
                    To: sip:%75se%72@example.com
                    From: <sip:I%20have%20spaces@example.net>;tag=938
                    Max-Forwards: 87
                    i: esc01.239409asdfakjkn23onasd0-3234
                    CSeq: 234234 INVITE
                    Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw
                    C: application/sdp
                    Contact:
                      <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
                    Content-Length: 150

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.1
                    s=-
                    c=IN IP4 192.0.2.1
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.1.4", "escnull", Expect.VALID_REQUEST, List.of(), """
                    REGISTER sip:example.com SIP/2.0
                    To: sip:null-%00-null@example.com
                    From: sip:null-%00-null@example.com;tag=839923423
                    Max-Forwards: 70
                    Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
                    CSeq: 14398234 REGISTER
                    Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw
                    Contact: <sip:%00@host5.example.com>
                    Contact: <sip:%00%00@host5.example.com>
                    L:0

                    """),
            new Torture("§3.1.1.5", "esc02", Expect.VALID_REQUEST, List.of(), """
                    RE%47IST%45R sip:registrar.example.com SIP/2.0
                    To: "%Z%45" <sip:resource@example.com>
                    From: "%Z%45" <sip:resource@example.com>;tag=f232jadfj23
                    Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf
                    Via: SIP/2.0/TCP host.example.com;branch=z9hG4bK209%fzsnel234
                    CSeq: 29344 RE%47IST%45R
                    Max-Forwards: 70
                    Contact: <sip:alias1@host1.example.com>
                    C%6Fntact: <sip:alias2@host2.example.com>
                    Contact: <sip:alias3@host3.example.com>
                    l: 0

                    """),
            new Torture("§3.1.1.6", "lwsdisp", Expect.VALID_REQUEST, List.of(), """
                    OPTIONS sip:user@example.com SIP/2.0
                    To: sip:user@example.com
                    From: caller<sip:caller@example.com>;tag=323
                    Max-Forwards: 70
                    Call-ID: lwsdisp.1234abcd@funky.example.com
                    CSeq: 60 OPTIONS
                    Via: SIP/2.0/UDP funky.example.com;branch=z9hG4bKkdjuw
                    l: 0

                    """),
            new Torture("§3.1.1.7", "longreq", Expect.VALID_REQUEST, List.of(), """
                    INVITE sip:user@example.com SIP/2.0
                    To: "I have a user name of %s" <sip:user@example.com>
                    From: sip:caller@example.net;tag=%s
                    Call-ID: longreq.one%s@example.com
                    CSeq: 3882340 INVITE
                    Unknown-%s-Header: unknown-%s-value; unknown-%s-parameter="%s"
                    Via: SIP/2.0/TCP sip33.example.com
                    v: SIP/2.0/TCP sip32.example.com
                    V: SIP/2.0/TCP sip31.example.com
                    Via: SIP/2.0/TCP sip30.example.com
                    ViA: SIP/2.0/TCP sip29.example.com
                    VIa: SIP/2.0/TCP sip28.example.com
                    VIA: SIP/2.0/TCP sip27.example.com
                    via: SIP/2.0/TCP sip26.example.com
                    viA: SIP/2.0/TCP sip25.example.com
                    vIa: SIP/2.0/TCP sip24.example.com
                    vIA: SIP/2.0/TCP sip23.example.com
                    V : SIP/2.0/TCP sip22.example.com
                    v : SIP/2.0/TCP sip21.example.com
                    Max-Forwards: 70
                    Contact: <sip:amazinglylongcallername%s@host5.example.net>
                    Content-Type: application/sdp
                    l: 150

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.1
                    s=-
                    c=IN IP4 192.0.2.1
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """.formatted("extreme".repeat(60), "12982".repeat(60), "0123456789".repeat(30),
                    "long".repeat(50), "long".repeat(50), "long".repeat(50), "very".repeat(100),
                    "amazinglylongcallername".repeat(10))),
            new Torture("§3.1.1.8", "dblreq", Expect.VALID_REQUEST, List.of(), """
                    REGISTER sip:example.com SIP/2.0
                    To: sip:j.user@example.com
                    From: sip:j.user@example.com;tag=43251j3j324
                    Max-Forwards: 8
                    I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
                    Contact: sip:j.user@host.example.com
                    CSeq: 8 REGISTER
                    Via: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKkdjuw23492
                    Content-Length: 0


                    INVITE sip:joe@example.com SIP/2.0
                    t: sip:joe@example.com
                    From: sip:caller@example.net;tag=141334
                    Max-Forwards: 8
                    Call-ID: dblreq.0ha0isnda977644900765@192.0.2.15
                    CSeq: 8 INVITE
                    Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw380234
                    Content-Type: application/sdp
                    Content-Length: 150

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.15
                    s=-
                    c=IN IP4 192.0.2.15
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m =video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.1.9", "semiuri", Expect.VALID_REQUEST, List.of(), """
                    OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0
                    To: sip:j_user@example.com
                    From: sip:caller@example.org;tag=33242
                    Max-Forwards: 3
                    Call-ID: semiuri.0ha0isndaksdj
                    CSeq: 8 OPTIONS
                    Accept: application/sdp, application/pkcs7-mime,
                            multipart/mixed, multipart/signed,
                            message/sip, message/sipfrag
                    Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKkdjuw
                    l: 0

                    """),
            new Torture("§3.1.1.10", "transports", Expect.VALID_REQUEST, List.of(), """
                    OPTIONS sip:user@example.com SIP/2.0
                    To: sip:user@example.com
                    From: <sip:caller@example.com>;tag=323
                    Max-Forwards: 70
                    Call-ID:  transports.kijh4akdnaqjkwendsasfdj
                    Accept: application/sdp
                    CSeq: 60 OPTIONS
                    Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw
                    Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
                    Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
                    Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
                    Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
                    l: 0

                    """),
            new Torture("§3.1.1.11", "mpart01", Expect.VALID_REQUEST, List.of(), """
                    MESSAGE sip:kumiko@example.org SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-;rport
                    Max-Forwards: 70
                    Route: <sip:127.0.0.1:5080>
                    Identity: r5mwreLuyDRYBi/0TiPwEsY3rEVsk/G2WxhgTV1PF7hHuLIK0YWVKZhKv9Mj8UeXqkMVbnVq37CD+813gvYjcBUaZngQmXc9WNZSDNGCzA+fWl9MEUHWIZo1CeJebdY/XlgKeTa0Olvq0rt70Q5jiSfbqMJmQFteeivUhkMWYUA=
                    Contact: <sip:fluffy@127.0.0.1:5070>
                    To: <sip:kumiko@example.org>
                    From: <sip:fluffy@example.com>;tag=2fb0dcc9
                    Call-ID: 3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..
                    CSeq: 1 MESSAGE
                    Content-Transfer-Encoding: binary
                    Content-Type: multipart/mixed;boundary=7a9cbec02ceef655
                    Date: Sat, 15 Oct 2005 04:44:56 GMT
                    User-Agent: SIPimp.org/0.2.5 (curses)
                    Content-Length: 185

                    --7a9cbec02ceef655
                    Content-Type: text/plain
                    Content-Transfer-Encoding: binary

                    Hello
                    --7a9cbec02ceef655
                    Content-Type: text/plain
                    Content-Transfer-Encoding: binary

                    world
                    --7a9cbec02ceef655--
                    """),
            new Torture("§3.1.1.12", "unreason", Expect.VALID_RESPONSE, List.of(), """
                    SIP/2.0 200 = 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u043d\u043e\u0441\u0442\u043e \u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e\u0441\u0442\u043e\u0435
                    Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923
                    Call-ID: unreason.1234ksdfak3j2erwedfsASdf
                    CSeq: 35 INVITE
                    From: sip:user@example.com;tag=11141343
                    To: sip:user@example.edu;tag=2229
                    Content-Length: 154
                    Content-Type: application/sdp
                    Contact: <sip:user@host198.example.com>

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.198
                    s=-
                    c=IN IP4 192.0.2.198
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.1.13", "noreason", Expect.VALID_RESPONSE, List.of(), """
                    SIP/2.0 100 \n\
                    Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
                    Call-ID: noreason.asndj203insdf99223ndf
                    CSeq: 35 INVITE
                    From: <sip:user@example.com>;tag=39ansfi3
                    To: <sip:user@example.edu>;tag=902jndnke3
                    Content-Length: 0
                    Contact: <sip:user@host105.example.com>

                    """),
            new Torture("§3.1.2.1", "badinv01", Expect.INVALID, List.of(400), """
                    INVITE sip:user@example.com SIP/2.0
                    To: sip:j.user@example.com
                    From: sip:caller@example.net;;tag=134161461246
                    Max-Forwards: 7
                    Call-ID: badinv01.0ha0isndaksdjasdf3234nas
                    CSeq: 8 INVITE
                    Via: SIP/2.0/UDP 192.0.2.15;;,;,,
                    Contact: "Joe" <sip:joe@example.org>;;;;
                    Content-Length: 152
                    Content-Type: application/sdp

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.15
                    s=-
                    c=IN IP4 192.0.2.15
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.2", "clerr", Expect.INVALID, List.of(400), """
                    INVITE sip:user@example.com SIP/2.0
                    Max-Forwards: 80
                    To: sip:j.user@example.com
                    From: sip:caller@example.net;tag=93942939o2
                    Contact: <sip:caller@hungry.example.net>
                    Call-ID: clerr.0ha0isndaksdjweiafasdk3
                    CSeq: 8 INVITE
                    Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bK-39234-23523
                    Content-Type: application/sdp
                    Content-Length: 9999

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.155
                    s=-
                    c=IN IP4 192.0.2.155
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.3", "ncl", Expect.INVALID, List.of(400), """
                    INVITE sip:user@example.com SIP/2.0
                    Max-Forwards: 254
                    To: sip:j.user@example.com
                    From: sip:caller@example.net;tag=32394234
                    Call-ID: ncl.0ha0isndaksdj2193423r542w35
                    CSeq: 0 INVITE
                    Via: SIP/2.0/UDP 192.0.2.53;branch=z9hG4bKkdjuw
                    Contact: <sip:caller@example53.example.net>
                    Content-Type: application/sdp
                    Content-Length: -999

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.53
                    s=-
                    c=IN IP4 192.0.2.53
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.4", "scalar02", Expect.INVALID, List.of(400), """
                    REGISTER sip:example.com SIP/2.0
                    Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3
                    To: <sip:user@example.com>
                    From: <sip:user@example.com>;tag=239232jh3
                    CSeq: 36893488147419103232 REGISTER
                    Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32
                    Max-Forwards: 300
                    Expires: 1074883740012132
                    Contact: <sip:user@host129.example.com>
                      ;expires=280297596632815
                    Content-Length: 0

                    """),
            new Torture("§3.1.2.5", "scalarlg", Expect.INVALID, List.of(), """
                    SIP/2.0 503 Service Unavailable
                    Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bKzzxdiwo34sw;received=192.0.2.129
                    To: <sip:user@example.com>
                    From: <sip:other@example.net>;tag=2easdjfejw
                    CSeq: 9292394834772304023312 OPTIONS
                    Call-ID: scalarlg.noase0of0234hn2qofoaf0232aewf2394r
                    Retry-After: 949302838503028349304023988
                    Warning: 1812 overture "In Progress"
                    Content-Length: 0

                    """),
            new Torture("§3.1.2.6", "quotbal", Expect.INVALID, List.of(400), """
                    INVITE sip:user@example.com SIP/2.0
                    To: "Mr. J. User <sip:j.user@example.com>
                    From: sip:caller@example.net;tag=93334
                    Max-Forwards: 10
                    Call-ID: quotbal.aksdj
                    Contact: <sip:caller@host59.example.net>
                    CSeq: 8 INVITE
                    Via: SIP/2.0/UDP 192.0.2.59:5050;branch=z9hG4bKkdjuw39234
                    Content-Type: application/sdp
                    Content-Length: 152

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.15
                    s=-
                    c=IN IP4 192.0.2.15
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.7", "ltgtruri", Expect.INVALID, List.of(400), """
                    INVITE <sip:user@example.com> SIP/2.0
                    To: sip:user@example.com
                    From: sip:caller@example.net;tag=39291
                    Max-Forwards: 23
                    Call-ID: ltgtruri.1@192.0.2.5
                    CSeq: 1 INVITE
                    Via: SIP/2.0/UDP 192.0.2.5
                    Contact: <sip:caller@host5.example.net>
                    Content-Type: application/sdp
                    Content-Length: 159

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.5
                    s=-
                    c=IN IP4 192.0.2.5
                    t=3149328700 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.8", "lwsruri", Expect.INVALID, List.of(400), """
                    INVITE sip:user@example.com; lr SIP/2.0
                    To: sip:user@example.com;tag=3xfe-9921883-z9f
                    From: sip:caller@example.net;tag=231413434
                    Max-Forwards: 5
                    Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423
                    CSeq: 2130706432 INVITE
                    Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKkdjuw2395
                    Contact: <sip:caller@host1.example.net>
                    Content-Type: application/sdp
                    Content-Length: 159

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.1
                    s=-
                    c=IN IP4 192.0.2.1
                    t=3149328700 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.9", "lwsstart", Expect.INVALID, LIBERAL, """
                    INVITE  sip:user@example.com  SIP/2.0
                    Max-Forwards: 8
                    To: sip:user@example.com
                    From: sip:caller@example.net;tag=8814
                    Call-ID: lwsstart.dfknq234oi243099adsdfnawe3@example.com
                    CSeq: 1893884 INVITE
                    Via: SIP/2.0/UDP host1.example.com;branch=z9hG4bKkdjuw3923
                    Contact: <sip:caller@host1.example.net>
                    Content-Type: application/sdp
                    Content-Length: 150

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.1
                    s=-
                    c=IN IP4 192.0.2.1
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.10", "trws", Expect.INVALID, LIBERAL, """
                    OPTIONS sip:remote-target@example.com SIP/2.0 \s\s
                    Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK299342093
                    To: <sip:remote-target@example.com>
                    From: <sip:local-resource@example.com>;tag=329429089
                    Call-ID: trws.oicu34958239neffasdhr2345r
                    Accept: application/sdp
                    CSeq: 238923 OPTIONS
                    Max-Forwards: 70
                    Content-Length: 0

                    """),
            new Torture("§3.1.2.11", "escruri", Expect.INVALID, List.of(400), """
                    INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0
                    To: sip:user@example.com
                    From: sip:caller@example.net;tag=341518
                    Max-Forwards: 7
                    Contact: <sip:caller@host39923.example.net>
                    Call-ID: escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5
                    CSeq: 149209342 INVITE
                    Via: SIP/2.0/UDP host-of-the-hour.example.com;branch=z9hG4bKkdjuw
                    Content-Type: application/sdp
                    Content-Length: 150

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.1
                    s=-
                    c=IN IP4 192.0.2.1
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.12", "baddate", Expect.INVALID, LIBERAL, """
                    INVITE sip:user@example.com SIP/2.0
                    To: sip:user@example.com
                    From: sip:caller@example.net;tag=2234923
                    Max-Forwards: 70
                    Call-ID: baddate.239423mnsadf3j23lj42--sedfnm234
                    CSeq: 1392934 INVITE
                    Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw
                    Date: Fri, 01 Jan 2010 16:00:00 EST
                    Contact: <sip:caller@host5.example.net>
                    Content-Type: application/sdp
                    Content-Length: 150

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.5
                    s=-
                    c=IN IP4 192.0.2.5
                    t=0 0
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.13", "regbadct", Expect.INVALID, List.of(400), """
                    REGISTER sip:example.com SIP/2.0
                    To: sip:user@example.com
                    From: sip:user@example.com;tag=998332
                    Max-Forwards: 70
                    Call-ID: regbadct.k345asrl3fdbv@10.0.0.1
                    CSeq: 1 REGISTER
                    Via: SIP/2.0/UDP 135.180.130.133:5060;branch=z9hG4bKkdjuw
                    Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E
                    l: 0

                    """),
            new Torture("§3.1.2.14", "badaspec", Expect.INVALID, LIBERAL, """
                    OPTIONS sip:user@example.org SIP/2.0
                    Via: SIP/2.0/UDP host4.example.com:5060;branch=z9hG4bKkdju43234
                    Max-Forwards: 70
                    From: "Bell, Alexander" <sip:a.g.bell@example.com>;tag=433423
                    To: "Watson, Thomas" < sip:t.watson@example.org >
                    Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3
                    Accept: application/sdp
                    CSeq: 3923239 OPTIONS
                    l: 0

                    """),
            new Torture("§3.1.2.15", "baddn", Expect.INVALID, LIBERAL, """
                    OPTIONS sip:t.watson@example.org SIP/2.0
                    Via:     SIP/2.0/UDP c.example.com:5060;branch=z9hG4bKkdjuw
                    Max-Forwards:      70
                    From:    Bell, Alexander <sip:a.g.bell@example.com>;tag=43
                    To:      Watson, Thomas <sip:t.watson@example.org>
                    Call-ID: baddn.31415@c.example.com
                    Accept: application/sdp
                    CSeq:    3923239 OPTIONS
                    l: 0

                    """),
            new Torture("§3.1.2.16", "badvers", Expect.INVALID, List.of(400, 505), """
                    OPTIONS sip:t.watson@example.org SIP/7.0
                    Via:     SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw
                    Max-Forwards:     70
                    From:    A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe
                    To:      T. Watson <sip:t.watson@example.org>
                    Call-ID: badvers.31417@c.example.com
                    CSeq:    1 OPTIONS
                    l: 0

                    """),
            new Torture("§3.1.2.17", "mismatch01", Expect.INVALID, List.of(400), """
                    OPTIONS sip:user@example.com SIP/2.0
                    To: sip:j.user@example.com
                    From: sip:caller@example.net;tag=34525
                    Max-Forwards: 6
                    Call-ID: mismatch01.dj0234sxdfl3
                    CSeq: 8 INVITE
                    Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw
                    l: 0

                    """),
            new Torture("§3.1.2.18", "mismatch02", Expect.INVALID, List.of(400, 501), """
                    NEWMETHOD sip:user@example.com SIP/2.0
                    To: sip:j.user@example.com
                    From: sip:caller@example.net;tag=34525
                    Max-Forwards: 6
                    Call-ID: mismatch02.dj0234sxdfl3
                    CSeq: 8 INVITE
                    Contact: <sip:caller@host.example.net>
                    Via: SIP/2.0/UDP host.example.net;branch=z9hG4bKkdjuw
                    Content-Type: application/sdp
                    l: 138

                    v=0
                    o=mhandley 29739 7272939 IN IP4 192.0.2.1
                    c=IN IP4 192.0.2.1
                    m=audio 49217 RTP/AVP 0 12
                    m=video 3227 RTP/AVP 31
                    a=rtpmap:31 LPC
                    """),
            new Torture("§3.1.2.19", "bigcode", Expect.INVALID, List.of(), """
                    SIP/2.0 4294967301 better not break the receiver
                    Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
                    Call-ID: bigcode.asdof3uj203asdnf3429uasdhfas3ehjasdfas9i
                    CSeq: 353494 INVITE
                    From: <sip:user@example.com>;tag=39ansfi3
                    To: <sip:user@example.edu>;tag=902jndnke3
                    Content-Length: 0
                    Contact: <sip:user@host105.example.com>

                    """));
}
