/** The admin command line ({@code pchat}): picocli commands modelled on the Lync Persistent Chat cmdlets. */
package org.pchat.server.cli;
