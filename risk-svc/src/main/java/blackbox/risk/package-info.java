/** BlackBox risk-svc: see ../shared/docs/architecture.md. */
package blackbox.risk;
