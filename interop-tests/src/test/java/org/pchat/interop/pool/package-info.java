/** The pool topology as processes: several chat nodes on one PostgreSQL database, a proxy, the pool CLI. */
package org.pchat.interop.pool;
