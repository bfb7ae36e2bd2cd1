/** Connection pools, dialect choice and Flyway migration of the content and compliance databases. */
package org.pchat.server.db;
