package org.pchat.xccos.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Permission masks of {@code aib/@key} (xccos.md §4.5, §7.4). */
class PermissionSetTest {

    @Test
    @DisplayName("§4.5: the member mask 3984 is bits {4,7,8,9,10,11}")
    void memberMask() {
        assertThat(PermissionSet.MEMBER.mask()).isEqualTo(3984);
        assertThat(PermissionSet.MEMBER.permissions()).containsExactly(Permission.CREATE_CHILD_NODES,
                Permission.JOIN, Permission.CHAT, Permission.LEAVE, Permission.READ_HISTORY_WHEN_NOT_JOINED,
                Permission.SEE_ROOM);
    }

    @Test
    @DisplayName("§4.5: the manager mask 12276 is bits {2,4,5,6,7,8,9,10,11,13}")
    void managerMask() {
        assertThat(PermissionSet.MANAGER).isEqualTo(PermissionSet.of(Permission.MANAGE_NODE,
                Permission.CREATE_CHILD_NODES, Permission.MODIFY_ROLES, Permission.MODIFY_SETTINGS, Permission.JOIN,
                Permission.CHAT, Permission.LEAVE, Permission.READ_HISTORY_WHEN_NOT_JOINED, Permission.SEE_ROOM,
                Permission.BYPASS_VISIBILITY));
        assertThat(PermissionSet.MANAGER.mask()).isEqualTo(12276);
    }

    @Test
    @DisplayName("§4.5: a presenter is the member mask plus bit 12 = 8080")
    void presenterMask() {
        assertThat(PermissionSet.PRESENTER.mask()).isEqualTo(8080);
        assertThat(PermissionSet.PRESENTER.has(Permission.CHAT_IN_AUDITORIUM)).isTrue();
        assertThat(PermissionSet.MEMBER.has(Permission.CHAT_IN_AUDITORIUM)).isFalse();
    }

    @Test
    @DisplayName("§4.5: bits without a name are kept and reported")
    void unknownBitsAreKept() {
        PermissionSet set = PermissionSet.parse("3985");

        assertThat(set.unknownBits()).isEqualTo(1);
        assertThat(set.wireValue()).isEqualTo("3985");
        assertThat(set.without(Permission.JOIN).mask()).isEqualTo(3985 - 128);
    }

    @Test
    @DisplayName("§4.5: containsAll compares masks")
    void containsAll() {
        assertThat(PermissionSet.MANAGER.containsAll(PermissionSet.of(Permission.JOIN, Permission.CHAT))).isTrue();
        assertThat(PermissionSet.MEMBER.containsAll(PermissionSet.MANAGER)).isFalse();
        assertThat(PermissionSet.MEMBER.union(PermissionSet.MANAGER).containsAll(PermissionSet.MANAGER)).isTrue();
    }

    @Test
    @DisplayName("§4.5: a key that is not a number is refused naming it")
    void refusesNonNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PermissionSet.parse("all"));

        assertThat(e.getMessage()).isEqualTo("permission mask 'all' is not a decimal number");
    }

    @Test
    @DisplayName("§4.5: a negative mask is refused")
    void refusesNegative() {
        assertThrows(IllegalArgumentException.class, () -> PermissionSet.parse("-1"));
    }

    @Test
    @DisplayName("§4.5: toString names the mask and its permissions")
    void toStringNamesPermissions() {
        assertThat(PermissionSet.of(Permission.JOIN, Permission.CHAT)).hasToString("PermissionSet[384=JOIN,CHAT]");
    }
}
