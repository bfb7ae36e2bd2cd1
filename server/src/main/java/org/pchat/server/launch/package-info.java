/** Process lifecycle: components started in order and stopped in reverse, and the Standard topology. */
package org.pchat.server.launch;
