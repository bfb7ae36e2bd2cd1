package org.pchat.interop.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The XMPP driver's command line: defaults, the room layout it implies, and clear refusals of bad input. */
class XmppLoadMainTest {

    @Test
    void defaultsAreRoomsOf100OneRoomPerUserNoPostsAndTheMucDomainUnderTheDomain() {
        XmppLoadOptions options = XmppLoadMain.parse(new String[] {"--server", "127.0.0.1:5222", "--domain",
                "example.com"}, "secret");

        assertThat(options.mucDomain()).isEqualTo("conference.example.com");
        assertThat(options.users()).isEqualTo(100);
        assertThat(options.rooms()).isEqualTo(1);
        assertThat(options.rates()).isEmpty();
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.sasl()).isEqualTo("auto");
    }

    @Test
    void ratesAreReadInOrderAndTwoRoomsPerUserDoubleTheRooms() {
        XmppLoadOptions options = XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d", "--users",
                "1000", "--rooms-per-user", "2", "--rates", "10, 25,50"}, "secret");

        assertThat(options.rates()).containsExactly(10.0, 25.0, 50.0);
        assertThat(options.rooms()).isEqualTo(20);
    }

    @Test
    void everyUserIsInDistinctRoomsAndEveryRoomIsFull() {
        XmppLoadOptions options = XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d", "--users",
                "300", "--room-size", "100", "--rooms-per-user", "2"}, "secret");
        XmppLoadDriver driver = new XmppLoadDriver(options);
        try {
            int[] size = new int[options.rooms()];
            for (int u = 0; u < 300; u++) {
                int[] rooms = driver.roomsOf(u);
                assertThat(rooms).doesNotHaveDuplicates().hasSize(2);
                for (int r : rooms) {
                    size[r]++;
                }
            }
            assertThat(size).containsOnly(100);
            assertThat(driver.creatorOf(0)).isZero();
            assertThat(driver.creatorOf(3)).isZero();
            assertThat(driver.creatorOf(4)).isEqualTo(100);
        } finally {
            driver.close();
        }
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--domain", "d"}, "secret"))
                .hasMessageContaining("--server HOST:PORT is required");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d"}, null))
                .hasMessageContaining("no password");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d",
                "--room-size", "500", "--users", "100"}, "secret"))
                .hasMessageContaining("--room-size 500");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d",
                "--sasl", "digest-md5"}, "secret"))
                .hasMessageContaining("--sasl digest-md5");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d",
                "--mam-rate", "5"}, "secret"))
                .hasMessageContaining("--mam-room");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d",
                "--rooms-per-user", "0", "--rates", "10"}, "secret"))
                .hasMessageContaining("needs rooms");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d",
                "--bogus", "1"}, "secret"))
                .hasMessageContaining("'--bogus'");
    }

    @Test
    void prefixesAndDomainsThatCannotStandInAJidAreRefused() {
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d",
                "--room-prefix", "r'oom"}, "secret"))
                .hasMessageContaining("--room-prefix 'r'oom' holds '''");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d",
                "--user-prefix", "a<b"}, "secret"))
                .hasMessageContaining("--user-prefix 'a<b' holds '<'");
        assertThatThrownBy(() -> XmppLoadMain.parse(new String[] {"--server", "h:1", "--domain", "d&e"}, "secret"))
                .hasMessageContaining("--domain 'd&e'");
    }

    @Test
    void driverSelfCheckCallsTheDriverBusyOnlyAtSevenTenthsOfItsCores() {
        DriverSelfCheck one = new DriverSelfCheck(1);

        assertThat(one.busy(69)).isFalse();
        assertThat(one.busy(70)).isTrue();
        assertThat(one.late(true)).isTrue();
        assertThat(one.late(false)).isFalse();
        assertThat(List.of(one.loopLagP99Ms(), one.pacerLagP99Ms())).containsOnly(0.0);
    }
}
