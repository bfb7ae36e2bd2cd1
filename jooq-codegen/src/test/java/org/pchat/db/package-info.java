/** Tests that the Flyway migrations and the generated jOOQ classes agree, on H2 and PostgreSQL. */
package org.pchat.db;
