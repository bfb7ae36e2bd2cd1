package org.pchat.xccos.model;

/**
 * {@code cmd:nodespermcreatechild}: "may I create rooms?" (xccos.md §4.12), permission bit 4. The only logged
 * request has empty data.
 */
public record CreateChildPermissionData() implements CommandData {

    @Override
    public String wireId() {
        return CommandId.NODESPERMCREATECHILD.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.createChildPermission(this);
    }
}
