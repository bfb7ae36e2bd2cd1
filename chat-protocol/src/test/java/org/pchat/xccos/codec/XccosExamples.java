package org.pchat.xccos.codec;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pchat.xccos.model.AccessInfo;
import org.pchat.xccos.model.BackchatData;
import org.pchat.xccos.model.BatchJoinData;
import org.pchat.xccos.model.CatUri;
import org.pchat.xccos.model.ChanId;
import org.pchat.xccos.model.ChanUri;
import org.pchat.xccos.model.ChannelDetail;
import org.pchat.xccos.model.ChannelInfo;
import org.pchat.xccos.model.ChannelSearchData;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.Command;
import org.pchat.xccos.model.CommandRef;
import org.pchat.xccos.model.CreateChildPermissionData;
import org.pchat.xccos.model.DataBlock;
import org.pchat.xccos.model.FailureInfo;
import org.pchat.xccos.model.FileToken;
import org.pchat.xccos.model.FileTokenData;
import org.pchat.xccos.model.FileTransfer;
import org.pchat.xccos.model.GetInvitationsData;
import org.pchat.xccos.model.GetPreferencesData;
import org.pchat.xccos.model.GetServerInfoData;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.Invitation;
import org.pchat.xccos.model.JoinData;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.PartData;
import org.pchat.xccos.model.PermissionSet;
import org.pchat.xccos.model.Preference;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.RequestUriData;
import org.pchat.xccos.model.Response;
import org.pchat.xccos.model.SearchQuery;
import org.pchat.xccos.model.ServerInfo;
import org.pchat.xccos.model.SetPreferencesData;
import org.pchat.xccos.model.UserInfo;
import org.pchat.xccos.model.XccosElement;
import org.pchat.xccos.model.XccosEnvelope;

/**
 * Every captured or quoted message of {@code /work/shared/protocol/xccos.md}, as wire text plus the model it must
 * decode to. Placeholders of the document ({@code …}, {@code xxx}, {@code <BASE64 text>}, {@code <DOMAIN>/<GUID>})
 * are replaced by concrete values; bare {@code cmd}/{@code rpl}/{@code ntc} quotes are wrapped in an envelope.
 */
final class XccosExamples {

    /** A wire example and its expected model. */
    record Example(String section, String xml, XccosEnvelope expected) {
        @Override
        public String toString() {
            return section;
        }
    }

    static final ChanUri ROOM = ChanUri.of("contoso.com", "094f5a4a-c492-4f6b-91c2-385eba134fd3");
    static final ChanUri NXL_ROOM = ChanUri.of("lync.nextlabs.solutions", "094f5a4a-c492-4f6b-91c2-385eba134fd3");
    static final ChanUri ROOM_1 = ChanUri.of("contoso.com", "11111111-1111-4111-8111-111111111111");
    static final ChanUri ROOM_2 = ChanUri.of("contoso.com", "22222222-2222-4222-8222-222222222222");

    private XccosExamples() {
    }

    private static XccosEnvelope envelope(long envId, XccosElement... payload) {
        return XccosEnvelope.of(envId, payload);
    }

    private static Reply success(String id, long commandEnvId, List<? extends DataBlock> data) {
        return new Reply(id, "1", new CommandRef("1", commandEnvId), Response.success(), List.copyOf(data));
    }

    /** §3.3: the real Lync 2013 rpl:getftok capture (.NET XmlSerializer namespaces included). */
    static final Example GETFTOK_REPLY = new Example("§3.3 rpl:getftok capture", """
            <xccos xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ver="1" envid="7962449779256945056" xmlns="urn:parlano:xml:ns:xccos">
                <rpl id="rpl:getftok" seqid="1">
                    <commandid seqid="1" envid="139132352" />
                    <resp code="200">SUCCESS_OK</resp>
                    <data>
                        <token token="effab007-2465-45c5-b62f-04e1689cdd10" serveruri="https://lync-server.lync.nextlabs.solutions/PersistentChat/MGCWebService.asmx" />
                    </data>
                </rpl>
            </xccos>
            """, envelope(Long.parseUnsignedLong("7962449779256945056"), success("rpl:getftok", 139132352L, List.of(
            new FileToken("effab007-2465-45c5-b62f-04e1689cdd10",
                    "https://lync-server.lync.nextlabs.solutions/PersistentChat/MGCWebService.asmx")))));

    /** §4.1: cmd:requri exactly as SIPE sends it. */
    static final Example REQURI = new Example("§4.1 cmd:requri", """
            <xccos ver="1" envid="1804289383" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:requri" seqid="1"><data/></cmd></xccos>""",
            envelope(1804289383L, Command.of(new RequestUriData())));

    /** §4.1: rpl:requri carrying the channel URI in data/uib/@uri. */
    static final Example REQURI_REPLY = new Example("§4.1 rpl:requri", """
            <xccos ver="1" envid="900001" xmlns="urn:parlano:xml:ns:xccos">
              <rpl id="rpl:requri" seqid="1">
                <commandid seqid="1" envid="1804289383"/>
                <resp code="200">SUCCESS_OK</resp>
                <data><uib uri="sip:GC-1-PersistentChatService-2@contoso.com"/></data>
              </rpl>
            </xccos>
            """, envelope(900001L, success("rpl:requri", 1804289383L,
            List.of(UserInfo.of("sip:GC-1-PersistentChatService-2@contoso.com")))));

    /** §4.2: cmd:getserverinfo. */
    static final Example GETSERVERINFO = new Example("§4.2 cmd:getserverinfo", """
            <xccos ver="1" envid="1804289384" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:getserverinfo" seqid="1"><data><sib domain="contoso.com" infoType="123"/></data></cmd></xccos>""",
            envelope(1804289384L, Command.of(GetServerInfoData.of("contoso.com", "123"))));

    /** §4.2: the sib of the logged reply, wrapped in rpl:getserverinfo. */
    static final Example GETSERVERINFO_REPLY = new Example("§4.2 rpl:getserverinfo", """
            <xccos ver="1" envid="900002" xmlns="urn:parlano:xml:ns:xccos">
              <rpl id="rpl:getserverinfo" seqid="1">
                <commandid seqid="1" envid="1804289384"/>
                <resp code="200">SUCCESS_OK</resp>
                <data>
                  <sib infoType="123"
                       serverTime="2010-09-14T14:26:17.6206356Z"
                       searchLimit="999"
                       messageSizeLimit="512"
                       storySizeLimit="4096"
                       rootUri="ma-cat://contoso.com/6b8e3c2a-9a4f-4a57-8f6e-0e2d3c4b5a69"
                       dbVersion="3ea3a5a8-ef36-46cf-898f-7a5133931d63" />
                </data>
              </rpl>
            </xccos>
            """, envelope(900002L, success("rpl:getserverinfo", 1804289384L, List.of(new ServerInfo(
            Optional.of("123"), Instant.parse("2010-09-14T14:26:17.6206356Z"), 999, 512, 4096,
            CatUri.of("contoso.com", "6b8e3c2a-9a4f-4a57-8f6e-0e2d3c4b5a69"),
            Optional.of("3ea3a5a8-ef36-46cf-898f-7a5133931d63"))))));

    /** §4.3: cmd:getpref (seqid "x" of the document is 1 here). */
    static final Example GETPREF = new Example("§4.3 cmd:getpref", """
            <xccos ver="1" envid="1804289385" xmlns="urn:parlano:xml:ns:xccos">
            <cmd id="cmd:getpref" seqid="1">
              <data><pref label="kedzie.GroupChannels" seqid="71" createdefault="true" /></data>
            </cmd>
            </xccos>
            """, envelope(1804289385L, Command.of(new GetPreferencesData(List.of(new Preference(
            "kedzie.GroupChannels", OptionalLong.of(71), Optional.of(true), Optional.empty()))))));

    /** §4.3: cmd:setpref with base64 content. */
    static final Example SETPREF = new Example("§4.3 cmd:setpref", """
            <xccos ver="1" envid="1804289386" xmlns="urn:parlano:xml:ns:xccos">
            <cmd id="cmd:setpref" seqid="1">
              <data><pref label="kedzie.GroupChannels" seqid="71" createdefault="false" content="PGNoYW5uZWxzLz4=" /></data>
            </cmd>
            </xccos>
            """, envelope(1804289386L, Command.of(new SetPreferencesData(List.of(new Preference(
            "kedzie.GroupChannels", OptionalLong.of(71), Optional.of(false), Optional.of("PGNoYW5uZWxzLz4=")))))));

    /** §4.4: cmd:getinv as SIPE sends it. */
    static final Example GETINV = new Example("§4.4 cmd:getinv", """
            <xccos ver="1" envid="1804289387" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:getinv" seqid="1"><data><inv inviteId="1" domain="contoso.com"/></data></cmd></xccos>""",
            envelope(1804289387L, Command.of(new GetInvitationsData(List.of(
                    new Invitation("1", Optional.of("contoso.com"), Optional.empty()))))));

    /** §4.5: cmd:join. */
    static final Example JOIN = new Example("§4.5 cmd:join", """
            <xccos ver="1" envid="1804289388" xmlns="urn:parlano:xml:ns:xccos">
            <cmd id="cmd:join" seqid="1">
              <data><chanid key="0" domain="contoso.com" value="094f5a4a-c492-4f6b-91c2-385eba134fd3"/></data>
            </cmd>
            </xccos>
            """, envelope(1804289388L, Command.of(JoinData.of(ROOM))));

    /** §4.5: rpl:join with uib siblings and the chanib mapping masks to uib ids. */
    static final Example JOIN_REPLY = new Example("§4.5 rpl:join", """
            <xccos ver="1" envid="900003" xmlns="urn:parlano:xml:ns:xccos">
            <rpl id="rpl:join" seqid="1">
              <commandid seqid="1" envid="1804289388"/>
              <resp code="200">SUCCESS_OK</resp>
              <data>
                <uib id="0" uri="sip:alice@contoso.com"/>
                <uib id="1" uri="sip:bob@contoso.com"/>
                <uib id="2" uri="sip:carol@contoso.com"/>
                <chanib uri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3"
                        name="Project X" topic="Release planning">
                  <aib key="3984"  value="0,1,2"/>
                  <aib key="12276" value="1"/>
                </chanib>
              </data>
            </rpl>
            </xccos>
            """, envelope(900003L, success("rpl:join", 1804289388L, List.of(
            UserInfo.of(0, "sip:alice@contoso.com"),
            UserInfo.of(1, "sip:bob@contoso.com"),
            UserInfo.of(2, "sip:carol@contoso.com"),
            ChannelInfo.builder(ROOM).name("Project X").topic("Release planning")
                    .access(AccessInfo.forUsers(PermissionSet.MEMBER, List.of(0, 1, 2)))
                    .access(AccessInfo.forUsers(PermissionSet.MANAGER, List.of(1)))
                    .build()))));

    /** §4.6: cmd:bjoin with two rooms (the document's "11111111-…" completed). */
    static final Example BJOIN = new Example("§4.6 cmd:bjoin", """
            <xccos ver="1" envid="1804289389" xmlns="urn:parlano:xml:ns:xccos">
            <cmd id="cmd:bjoin" seqid="1">
              <data>
                <chanid key="0" domain="contoso.com" value="11111111-1111-4111-8111-111111111111"/>
                <chanid key="1" domain="contoso.com" value="22222222-2222-4222-8222-222222222222"/>
              </data>
            </cmd>
            </xccos>
            """, envelope(1804289389L, Command.of(new BatchJoinData(List.of(ChanId.of(0, ROOM_1),
            ChanId.of(1, ROOM_2))))));

    /** §4.6: rpl:bjoin where the second room failed and is reported by a fib in place of its chanib. */
    static final Example BJOIN_REPLY = new Example("§4.6 rpl:bjoin with fib", """
            <xccos ver="1" envid="900004" xmlns="urn:parlano:xml:ns:xccos">
            <rpl id="rpl:bjoin" seqid="1">
              <commandid seqid="1" envid="1804289389"/>
              <resp code="200">SUCCESS_OK</resp>
              <data>
                <uib id="0" uri="sip:alice@contoso.com"/>
                <chanib uri="ma-chan://contoso.com/11111111-1111-4111-8111-111111111111" name="Room One">
                  <aib key="3984" value="0"/>
                </chanib>
                <fib key="OPERATION_FAILED" value="22222222-2222-4222-8222-222222222222" domain="contoso.com"/>
              </data>
            </rpl>
            </xccos>
            """, envelope(900004L, success("rpl:bjoin", 1804289389L, List.of(
            UserInfo.of(0, "sip:alice@contoso.com"),
            ChannelInfo.builder(ROOM_1).name("Room One")
                    .access(AccessInfo.forUsers(PermissionSet.MEMBER, List.of(0))).build(),
            FailureInfo.operationFailed(ROOM_2)))));

    /** §4.7: cmd:part. */
    static final Example PART = new Example("§4.7 cmd:part", """
            <xccos ver="1" envid="1804289391" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:part" seqid="1"><data><chanib uri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3"/></data></cmd></xccos>""",
            envelope(1804289391L, Command.of(PartData.of(ROOM))));

    /** §4.7: rpl:part naming the room left. */
    static final Example PART_REPLY = new Example("§4.7 rpl:part", """
            <xccos ver="1" envid="900005" xmlns="urn:parlano:xml:ns:xccos"><rpl id="rpl:part" seqid="1"><commandid seqid="1" envid="1804289391"/><resp code="200">SUCCESS_OK</resp><data><chanib uri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3"/></data></rpl></xccos>""",
            envelope(900005L, success("rpl:part", 1804289391L, List.of(ChannelInfo.ref(ROOM)))));

    /** §4.8: ntc:join, the room rebuilt from aib domain + value. */
    static final Example NOTICE_JOIN = new Example("§4.8 ntc:join", """
            <xccos ver="1" envid="900006" xmlns="urn:parlano:xml:ns:xccos">
            <ntc id="ntc:join" seqid="1">
              <data>
                <uib uri="sip:bob@contoso.com">
                  <aib key="3984" domain="contoso.com" value="094f5a4a-c492-4f6b-91c2-385eba134fd3"/>
                </uib>
              </data>
            </ntc>
            </xccos>
            """, envelope(900006L, Notice.join("sip:bob@contoso.com", ROOM, PermissionSet.MEMBER)));

    /** §4.8: ntc:part, users under the chanib. */
    static final Example NOTICE_PART = new Example("§4.8 ntc:part", """
            <xccos ver="1" envid="900007" xmlns="urn:parlano:xml:ns:xccos">
            <ntc id="ntc:part" seqid="1">
              <data>
                <chanib uri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3"><uib uri="sip:bob@contoso.com"/></chanib>
              </data>
            </ntc>
            </xccos>
            """, envelope(900007L, Notice.part(ROOM, "sip:bob@contoso.com")));

    /** §4.9: cmd:bccontext for the last 25 messages. */
    static final Example BCCONTEXT = new Example("§4.9 cmd:bccontext", """
            <xccos ver="1" envid="1804289392" xmlns="urn:parlano:xml:ns:xccos">
            <cmd id="cmd:bccontext" seqid="1">
              <data>
                <chanib uri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3"/>
                <bcq><last cnt="25"/></bcq>
              </data>
            </cmd>
            </xccos>
            """, envelope(1804289392L, Command.of(BackchatData.last(ROOM, 25))));

    /** §4.9: rpl:bccontext, msg id="grpchat" entries inside data/chanib, oldest first. */
    static final Example BCCONTEXT_REPLY = new Example("§4.9 rpl:bccontext", """
            <xccos ver="1" envid="900008" xmlns="urn:parlano:xml:ns:xccos">
            <rpl id="rpl:bccontext" seqid="1">
              <commandid seqid="1" envid="1804289392"/>
              <resp code="200">SUCCESS_OK</resp>
              <data>
                <chanib uri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3">
                  <msg id="grpchat" chanUri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3" author="sip:bob@contoso.com" ts="2013-08-03T10:15:00Z"><chat>first</chat></msg>
                  <msg id="grpchat" chanUri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3" author="sip:carol@contoso.com" ts="2013-08-03T10:16:10Z"><chat>second</chat></msg>
                </chanib>
              </data>
            </rpl>
            </xccos>
            """, envelope(900008L, success("rpl:bccontext", 1804289392L, List.of(ChannelInfo.history(ROOM, List.of(
            ChatMessage.of(ROOM, "sip:bob@contoso.com", Instant.parse("2013-08-03T10:15:00Z"), "first"),
            ChatMessage.of(ROOM, "sip:carol@contoso.com", Instant.parse("2013-08-03T10:16:10Z"), "second")))))));

    /** §4.10: cmd:chansrch listing every visible room. */
    static final Example CHANSRCH = new Example("§4.10 cmd:chansrch", """
            <xccos ver="1" envid="1804289393" xmlns="urn:parlano:xml:ns:xccos">
            <cmd id="cmd:chansrch" seqid="1">
              <data><qib qtype="BYNAME" criteria="" extended="false"/></data>
            </cmd>
            </xccos>
            """, envelope(1804289393L, Command.of(new ChannelSearchData(SearchQuery.byName("")))));

    /** §4.10: one chanib of a search reply, with info and prop children, in rpl:chansrch. */
    static final Example CHANSRCH_REPLY = new Example("§4.10 rpl:chansrch", """
            <xccos ver="1" envid="900009" xmlns="urn:parlano:xml:ns:xccos">
            <rpl id="rpl:chansrch" seqid="1">
              <commandid seqid="1" envid="1804289393"/>
              <resp code="200">SUCCESS_OK</resp>
              <data>
                <chanib uri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3" name="Project X" description="Release planning room">
                  <info id="urn:parlano:ma:info:ucnt">5</info>
                  <info id="urn:parlano:ma:info:visibilty">private</info>
                  <prop id="urn:parlano:ma:prop:filepost">true</prop>
                  <prop id="urn:parlano:ma:prop:invite">false</prop>
                  <prop id="urn:parlano:ma:prop:logged">true</prop>
                </chanib>
              </data>
            </rpl>
            </xccos>
            """, envelope(900009L, success("rpl:chansrch", 1804289393L, List.of(ChannelInfo.builder(ROOM)
            .name("Project X").description("Release planning room")
            .info(ChannelDetail.userCount(5)).info(ChannelDetail.visibility("private"))
            .property(ChannelDetail.filePost(true)).property(ChannelDetail.invite(false))
            .property(ChannelDetail.logged(true))
            .build()))));

    /** §4.11: the real Lync 2013 cmd:getfutok capture. */
    static final Example GETFUTOK = new Example("§4.11 cmd:getfutok capture", """
            <xccos xmlns="urn:parlano:xml:ns:xccos" ver="1" envid="139132350">
                <cmd id="cmd:getfutok" seqid="1">
                    <data>
                        <ftdb channelUri="ma-chan://lync.nextlabs.solutions/094f5a4a-c492-4f6b-91c2-385eba134fd3" fileUrl="TestInfoRecord.txt"/>
                    </data>
                </cmd>
            </xccos>
            """, envelope(139132350L, Command.of(new FileTokenData(FileTransfer.UPLOAD, NXL_ROOM,
            "TestInfoRecord.txt"))));

    /** §4.11: the real Lync 2013 cmd:getfdtok capture. */
    static final Example GETFDTOK = new Example("§4.11 cmd:getfdtok capture", """
            <xccos xmlns="urn:parlano:xml:ns:xccos" ver="1" envid="139132352">
                <cmd id="cmd:getfdtok" seqid="1">
                    <data>
                        <ftdb channelUri="ma-chan://lync.nextlabs.solutions/094f5a4a-c492-4f6b-91c2-385eba134fd3" fileUrl="TestInfoRecord-Copy.txt"/>
                    </data>
                </cmd>
            </xccos>
            """, envelope(139132352L, Command.of(new FileTokenData(FileTransfer.DOWNLOAD, NXL_ROOM,
            "TestInfoRecord-Copy.txt"))));

    /** §4.12: cmd:nodespermcreatechild. */
    static final Example NODESPERMCREATECHILD = new Example("§4.12 cmd:nodespermcreatechild", """
            <xccos ver="1" envid="1804289394" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:nodespermcreatechild" seqid="1"><data /></cmd></xccos>""",
            envelope(1804289394L, Command.of(new CreateChildPermissionData())));

    /** §4.12: rpl:nodespermcreatechild (envid "xxx" of the document is 1804289394 here). */
    static final Example NODESPERMCREATECHILD_REPLY = new Example("§4.12 rpl:nodespermcreatechild", """
            <xccos ver="1" envid="900010" xmlns="urn:parlano:xml:ns:xccos">
            <rpl id="rpl:nodespermcreatechild" seqid="1">
              <commandid seqid="1" envid="1804289394" />
              <resp code="200">SUCCESS_OK</resp>
              <data />
            </rpl>
            </xccos>
            """, envelope(900010L, success("rpl:nodespermcreatechild", 1804289394L, List.of())));

    /**
     * §5.1: grpchat as SIPE posts it, with {@code &amp;} and a CRLF line break inside the chat text. XML
     * line-end normalization delivers the CRLF as LF.
     */
    static final Example GRPCHAT = new Example("§5.1 grpchat", """
            <xccos ver="1" envid="1804289390" xmlns="urn:parlano:xml:ns:xccos"><grpchat id="grpchat" seqid="1" chanUri="ma-chan://contoso.com/094f5a4a-c492-4f6b-91c2-385eba134fd3" author="sip:alice@contoso.com" ts="2013-08-05T10:11:12Z"><chat>Hello &amp; welcome\r
            second line</chat></grpchat></xccos>""",
            envelope(1804289390L, GroupChat.of(ChatMessage.of(ROOM, "sip:alice@contoso.com",
                    Instant.parse("2013-08-05T10:11:12Z"), "Hello & welcome\nsecond line"))));

    /** Every example, in document order. */
    static List<Example> all() {
        return List.of(GETFTOK_REPLY, REQURI, REQURI_REPLY, GETSERVERINFO, GETSERVERINFO_REPLY, GETPREF, SETPREF,
                GETINV, JOIN, JOIN_REPLY, BJOIN, BJOIN_REPLY, PART, PART_REPLY, NOTICE_JOIN, NOTICE_PART, BCCONTEXT,
                BCCONTEXT_REPLY, CHANSRCH, CHANSRCH_REPLY, GETFUTOK, GETFDTOK, NODESPERMCREATECHILD,
                NODESPERMCREATECHILD_REPLY, GRPCHAT);
    }
}
