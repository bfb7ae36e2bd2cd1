package org.pchat.interop.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.igniterealtime.smack.inttest.Configuration;
import org.igniterealtime.smack.inttest.FailedTest;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework;
import org.igniterealtime.smack.inttest.SmackIntegrationTestFramework.TestRunResult;
import org.igniterealtime.smack.inttest.TestNotPossible;
import org.igniterealtime.smack.inttest.annotations.SmackIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pchat.interop.support.CategoryDef;
import org.pchat.interop.support.PchatProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Smack Integration Test Framework (smack-integration-test 4.5.0-beta5) against a running pchat.jar for
 * XEP-0045 (every MUC test class) and XEP-0313: 58 tests. The suite dials XMPP on port 5222, so the server's XMPP
 * listener is pinned there (the test fails at start when another process holds it). Three accounts are made with
 * the CLI before {@code serve} starts ({@code sinttest.accountRegistration} is then disabled); rooms the suite
 * creates go into a category whose creators they are ({@code xmpp.room-category}). Authentication runs without
 * TLS on loopback ({@code xmpp.allow-auth-without-tls}).
 *
 * <p>Every enabled test must pass; a test the server cannot pass yet is listed in {@link #DISABLED} with its
 * reason (and in docs/xmpp.md), so the build fails on any regression and on any undocumented gap.
 */
class SmackIntegrationSuiteIT {

    private static final Logger LOG = LoggerFactory.getLogger(SmackIntegrationSuiteIT.class);
    private static final String DOMAIN = "sint.example.com";
    private static final String CATEGORY = "xmpp-rooms";
    private static final String PASSWORD = "sint-secret";
    private static final List<String> ACCOUNTS = List.of("sintone", "sinttwo", "sintthree");
    private static final List<String> TEST_CLASSES = List.of("MultiUserChatIntegrationTest",
            "MultiUserChatEntityIntegrationTest", "MultiUserChatOccupantIntegrationTest",
            "MultiUserChatRolesAffiliationsPrivilegesIntegrationTest", "ParticipantStatusIntegrationTest",
            "UserStatusIntegrationTest", "MultiUserChatLowLevelIntegrationTest", "MamIntegrationTest");

    /** Where the MUC test classes are (the only ones with single tests switched off). */
    private static final String MUC_TESTS = "org.jivesoftware.smackx.muc.";

    /** Tests switched off, by class or {@code Class.method}, with the reason (kept in step with docs/xmpp.md). */
    static final Map<String, String> DISABLED = Map.of("MultiUserChatLowLevelIntegrationTest",
            "creates further accounts while it runs, which needs XEP-0133 add-user or in-band registration;"
                    + " the endpoint offers neither yet (accounts come from the CLI)",
            "MultiUserChatOccupantIntegrationTest.mucLeaveTest",
            "client-side race in Smack 4.5.0-beta5: the presence listener of MultiUserChat handles the reflected"
                    + " leave (unavailable, 110) on Smack's listener thread and may call the synchronized"
                    + " userHasLeft() after leave() returned and the test's immediate join() took the monitor; the"
                    + " reader thread waits for that listener, so the join's self-presence (sent by the server,"
                    + " see XmppMucIT) is not read until the reply timeout (Smack pull requests #650, #665)",
            "MultiUserChatOccupantIntegrationTest.mucJoinPresenceInformationTest",
            "client-side race in Smack 4.5.0-beta5: join() returns once the presence listener has flagged the"
                    + " reflected self-presence, before that listener hands it to the participant listeners, so the"
                    + " test may count 2 of the 3 presences it got (failed in two recent builds; the order the"
                    + " server writes is checked off the wire in XmppMucIT)",
            "MultiUserChatIntegrationTest.mucDestroyTestOccupant",
            "failed once in five runs, cause not found yet: after its roomDestroyed listener fired, the"
                    + " occupant's MultiUserChat still reported isJoined() (docs/xmpp.md, Not done yet)");

    private static PchatProcess server;

    @BeforeAll
    static void start() {
        server = PchatProcess.builder("SmackIntegrationSuiteIT").domain(DOMAIN)
                .set("xmpp.allow-auth-without-tls", "true")
                .set("xmpp.room-category", CATEGORY)
                .pin("xmpp.port", "5222")
                .build();
        server.cli().migrate();
        for (String account : ACCOUNTS) {
            server.cli().addUser(server.userUri(account), PASSWORD);
        }
        server.cli().newCategory(CategoryDef.forDomain(CATEGORY, DOMAIN).withCreators("domain:" + DOMAIN));
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyEnabledMucAndMamTestOfTheSuitePasses() throws Exception {
        Properties sinttest = new Properties();
        sinttest.setProperty("service", DOMAIN);
        sinttest.setProperty("host", "127.0.0.1");
        sinttest.setProperty("securityMode", "disabled");
        sinttest.setProperty("replyTimeout", "15000");
        sinttest.setProperty("accountOneUsername", ACCOUNTS.get(0));
        sinttest.setProperty("accountOnePassword", PASSWORD);
        sinttest.setProperty("accountTwoUsername", ACCOUNTS.get(1));
        sinttest.setProperty("accountTwoPassword", PASSWORD);
        sinttest.setProperty("accountThreeUsername", ACCOUNTS.get(2));
        sinttest.setProperty("accountThreePassword", PASSWORD);
        sinttest.setProperty("testPackages", "org.jivesoftware.smackx.muc,org.jivesoftware.smackx.mam");
        sinttest.setProperty("enabledTests", String.join(",", enabledTests()));
        List<String> disabledClasses = DISABLED.keySet().stream().filter(k -> !k.contains(".")).toList();
        if (!disabledClasses.isEmpty()) {
            sinttest.setProperty("disabledTests", String.join(",", disabledClasses));
        }
        sinttest.stringPropertyNames().forEach(key -> System.setProperty("sinttest." + key,
                sinttest.getProperty(key)));
        TestRunResult result;
        try {
            result = new SmackIntegrationTestFramework(Configuration.newConfiguration(new String[0])).run();
        } finally {
            sinttest.stringPropertyNames().forEach(key -> System.clearProperty("sinttest." + key));
        }
        String failed = result.getFailedTests().stream().map(SmackIntegrationSuiteIT::describe)
                .collect(Collectors.joining("\n"));
        String impossible = result.getNotPossibleTests().stream().map(SmackIntegrationSuiteIT::describe)
                .collect(Collectors.joining("\n"));
        LOG.info("SmackIntegrationSuiteIT - {} passed, {} failed, {} not possible, {} disabled of {} available",
                result.getSuccessfulTests().size(), result.getFailedTests().size(),
                result.getNotPossibleTests().size(), DISABLED.size(), result.getNumberOfAvailableTests());
        assertThat(result.getFailedTests()).as("failed tests of the Smack integration suite:\n%s\n%s", failed,
                server.logTail()).isEmpty();
        assertThat(result.getNotPossibleTests()).as("tests the suite found impossible:\n%s", impossible).isEmpty();
        assertThat(result.getImpossibleTestClasses()).as("test classes the suite found impossible").isEmpty();
        assertThat(result.getSuccessfulTests().size() + DISABLED.size())
                .as("passed + disabled tests (58 in the MUC and MAM classes)").isEqualTo(58);
    }

    /**
     * The test classes, except that a class with disabled methods is replaced by its other methods: the suite
     * drops a whole class when {@code disabledTests} names one of its methods.
     */
    private static List<String> enabledTests() throws ClassNotFoundException {
        List<String> enabled = new ArrayList<>();
        for (String testClass : TEST_CLASSES) {
            List<String> off = DISABLED.keySet().stream().filter(k -> k.startsWith(testClass + "."))
                    .map(k -> k.substring(testClass.length() + 1)).toList();
            if (off.isEmpty()) {
                enabled.add(testClass);
                continue;
            }
            Arrays.stream(Class.forName(MUC_TESTS + testClass).getMethods())
                    .filter(m -> m.isAnnotationPresent(SmackIntegrationTest.class))
                    .map(m -> m.getName()).filter(m -> !off.contains(m)).sorted()
                    .forEach(m -> enabled.add(testClass + "." + m));
        }
        return enabled;
    }

    private static String describe(FailedTest test) {
        return "  " + test.concreteTest + ": " + test.failureReason;
    }

    private static String describe(TestNotPossible test) {
        return "  " + test.concreteTest + ": " + test.testNotPossibleException.getMessage();
    }
}
