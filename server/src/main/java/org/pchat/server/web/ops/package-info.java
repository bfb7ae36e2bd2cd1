/** Operations endpoints: health (liveness, readiness with the databases), Prometheus metrics and the OpenAPI document. */
package org.pchat.server.web.ops;
