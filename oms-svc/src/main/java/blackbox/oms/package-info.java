/** BlackBox oms-svc: see ../shared/docs/architecture.md. */
package blackbox.oms;
