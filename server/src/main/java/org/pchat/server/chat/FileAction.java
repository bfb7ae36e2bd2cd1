package org.pchat.server.chat;

/** What a file transfer token allows (xccos.md §4.11). */
public enum FileAction {
    /** Upload a file to the room ({@code cmd:getfutok}). */
    UPLOAD,
    /** Download a file from the room ({@code cmd:getfdtok}). */
    DOWNLOAD
}
