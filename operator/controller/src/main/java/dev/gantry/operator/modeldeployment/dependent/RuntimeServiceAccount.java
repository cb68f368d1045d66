package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.Optional;

/** The runtime pods' ServiceAccount, with no API token mounted. */
public final class RuntimeServiceAccount extends ChildDependent<ServiceAccount> {

    public RuntimeServiceAccount() {
        super(ServiceAccount.class);
    }

    @Override
    protected Optional<ServiceAccount> select(DesiredState state) {
        return state.serviceAccount();
    }

    @Override
    protected String childName(String md) {
        return Names.runtimeServiceAccount(md);
    }
}
