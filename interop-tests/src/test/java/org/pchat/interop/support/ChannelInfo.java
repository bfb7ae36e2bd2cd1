package org.pchat.interop.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code chanib} (channel info block) from {@code rpl:chansrch}, {@code rpl:join} or {@code rpl:bjoin}
 * (xccos.md §4.5, §4.10).
 *
 * @param uri the room URI
 * @param name the room name
 * @param description the description (search results)
 * @param topic the topic (join replies)
 * @param info {@code info} children by {@code id}, e.g. {@code urn:parlano:ma:info:visibilty}
 * @param props {@code prop} children by {@code id}, e.g. {@code urn:parlano:ma:prop:logged}
 * @param access the {@code aib} children (permission mask in {@code key}, {@code uib} ids in {@code value})
 */
public record ChannelInfo(String uri, String name, String description, String topic, Map<String, String> info,
        Map<String, String> props, List<XmlNode> access) {

    public ChannelInfo {
        info = Map.copyOf(info);
        props = Map.copyOf(props);
        access = List.copyOf(access);
    }

    static ChannelInfo from(XmlNode chanib) {
        Map<String, String> info = new LinkedHashMap<>();
        chanib.children("info").forEach(i -> info.put(i.attr("id"), i.text()));
        Map<String, String> props = new LinkedHashMap<>();
        chanib.children("prop").forEach(p -> props.put(p.attr("id"), p.text()));
        return new ChannelInfo(chanib.attr("uri"), chanib.attr("name"), chanib.attr("description"),
                chanib.attr("topic"), info, props, chanib.children("aib"));
    }

    /** The URI as a {@link RoomUri}. */
    public RoomUri roomUri() {
        return RoomUri.parse(uri);
    }
}
