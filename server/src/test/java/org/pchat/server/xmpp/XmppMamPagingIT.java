package org.pchat.server.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchat.server.domain.Privacy;

/**
 * Message Archive Management (XEP-0313) with result set paging (XEP-0059) over a room of 10,000 messages: paging
 * forwards from the start and backwards from the end each reads every message exactly once, in order, and
 * {@code complete} marks the last page only. The archive is written straight into the message table in one
 * transaction (as the chat core stores posts), so the test spends its time on paging, not on posting.
 */
class XmppMamPagingIT {

    private static final int MESSAGES = 10_000;
    private static final int PAGE = 50;
    private static final Pattern RESULT_ID =
            Pattern.compile("<result xmlns=\"urn:xmpp:mam:2\" queryid=\"q\" id=\"(\\d+)\"");
    private static final Pattern BODY = Pattern.compile("<body>([^<]*)</body>");
    private static final Pattern FIRST = Pattern.compile("<first>(\\d+)</first>");
    private static final Pattern LAST = Pattern.compile("<last>(\\d+)</last>");
    private static final Pattern COMPLETE = Pattern.compile("<fin xmlns=\"urn:xmpp:mam:2\" complete=\"(true|false)\"");

    @TempDir
    static Path dataDir;

    private static TestXmppNode node;

    @BeforeAll
    static void seed() {
        node = TestXmppNode.start(dataDir);
        node.user("alice");
        node.user("bob");
        UUID room = node.room("Big Archive", Privacy.OPEN, Set.of());
        node.seed(room, "sip:alice@example.com", "m", MESSAGES);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void xep0059Section2_2PagingForwardsFromTheStartReadsEveryMessageOnceInOrderAndCompletesOnTheLastPage()
            throws Exception {
        List<Page> pages = new ArrayList<>();
        try (RawXmppClient bob = new RawXmppClient(node.port())) {
            bob.loginPlain("bob", TestXmppNode.PASSWORD);
            Page page = query(bob, "<max>" + PAGE + "</max>");
            pages.add(page);
            while (!page.complete()) {
                page = query(bob, "<max>" + PAGE + "</max><after>" + page.last() + "</after>");
                pages.add(page);
            }
        }

        assertEveryMessageOnceInOrder(pages.stream().flatMap(p -> p.ids().stream()).toList(),
                pages.stream().flatMap(p -> p.bodies().stream()).toList());
        assertOnlyTheLastPageIsComplete(pages);
    }

    @Test
    void xep0059Section2_5PagingBackwardsFromTheEndReadsEveryMessageOnceInOrderAndCompletesOnTheFirstPage()
            throws Exception {
        List<Page> pages = new ArrayList<>();
        try (RawXmppClient bob = new RawXmppClient(node.port())) {
            bob.loginPlain("bob", TestXmppNode.PASSWORD);
            Page page = query(bob, "<max>" + PAGE + "</max><before/>");
            pages.add(page);
            while (!page.complete()) {
                page = query(bob, "<max>" + PAGE + "</max><before>" + page.first() + "</before>");
                pages.add(page);
            }
        }

        List<Page> oldestFirst = new ArrayList<>(pages);
        Collections.reverse(oldestFirst);
        assertEveryMessageOnceInOrder(oldestFirst.stream().flatMap(p -> p.ids().stream()).toList(),
                oldestFirst.stream().flatMap(p -> p.bodies().stream()).toList());
        assertOnlyTheLastPageIsComplete(pages);
    }

    private static void assertEveryMessageOnceInOrder(List<Long> ids, List<String> bodies) {
        assertThat(ids).as("every sequence number 1..%s exactly once, in order", MESSAGES)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
        assertThat(bodies).as("the bodies in the order they were stored").hasSize(MESSAGES)
                .startsWith("m 1", "m 2").endsWith("m " + (MESSAGES - 1), "m " + MESSAGES);
    }

    private static void assertOnlyTheLastPageIsComplete(List<Page> pages) {
        assertThat(pages).as("pages of %s", PAGE).hasSize(MESSAGES / PAGE);
        assertThat(pages.subList(0, pages.size() - 1)).as("pages before the last").noneMatch(Page::complete)
                .allMatch(p -> p.ids().size() == PAGE);
        assertThat(pages.get(pages.size() - 1).complete()).as("complete on the last page").isTrue();
    }

    private static Page query(RawXmppClient client, String rsm) throws Exception {
        client.clear();
        String reply = client.send("<iq type='set' id='mam' to='big\\20archive@conference.example.com'>"
                + "<query xmlns='urn:xmpp:mam:2' queryid='q'><set xmlns='http://jabber.org/protocol/rsm'>" + rsm
                + "</set></query></iq>").readUntil("</iq>");
        assertThat(reply).as("a MAM result for %s", rsm).contains("type=\"result\"");
        Matcher complete = COMPLETE.matcher(reply);
        assertThat(complete.find()).as("a fin element in %s", reply).isTrue();
        return new Page(all(RESULT_ID, reply).stream().map(Long::parseLong).toList(), all(BODY, reply),
                one(FIRST, reply), one(LAST, reply), Boolean.parseBoolean(complete.group(1)));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String one(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** One page of results: ids, bodies, the RSM first/last and the fin's complete flag. */
    private record Page(List<Long> ids, List<String> bodies, String first, String last, boolean complete) {
    }
}
