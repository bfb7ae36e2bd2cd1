package org.pchat.xccos.model;

/** {@code cmd:requri}: which channel server URI to use (xccos.md §4.1). The data is empty. */
public record RequestUriData() implements CommandData {

    @Override
    public String wireId() {
        return CommandId.REQURI.wireId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.requestUri(this);
    }
}
