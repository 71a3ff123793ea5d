package blackbox.cli.desk;

import blackbox.cli.Json;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code blackbox accounts}: the client accounts of the user's desk (web-bff {@code GET /accounts}). */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Lists the client accounts of your desk.")
public final class AccountsCommand extends DeskCommand {
    @Override
    public Integer call() {
        JsonNode r = call("GET", "accounts", null, "accounts");
        JsonNode list = r.path("accounts");
        if (json()) Json.print(out(), DeskShapes.accounts(list));
        else DeskShapes.accountsTable(list).print(out());
        return 0;
    }
}
