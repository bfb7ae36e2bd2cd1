/** File transfer end to end: XCCOS file tokens (xccos.md §4.11) redeemed at the HTTP file service. */
package org.pchat.interop.files;
