package org.pchat.server.web;

import io.javalin.router.JavalinDefaultRouting;

/** A set of routes of one concern (rooms, files, health…), added to the server's router at start. */
public interface RouteGroup {

    /** Adds the group's routes. */
    void register(JavalinDefaultRouting routes);
}
