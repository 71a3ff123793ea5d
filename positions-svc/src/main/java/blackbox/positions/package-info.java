/** BlackBox positions-svc: see ../shared/docs/architecture.md. */
package blackbox.positions;
