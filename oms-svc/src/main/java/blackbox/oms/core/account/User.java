package blackbox.oms.core.account;

import blackbox.oms.core.DeskId;
import blackbox.oms.core.UserId;
import java.util.Objects;

/** A user of the OMS and the desk they work on. */
public record User(UserId id, DeskId desk) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(desk, "desk");
    }
}
