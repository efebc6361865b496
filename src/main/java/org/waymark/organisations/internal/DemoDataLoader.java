package org.waymark.organisations.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waymark.organisations.DemoData;
import org.waymark.platform.Deployment;

/** Demo data only ever goes into the embedded default database; production never gets demo passwords. */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private final Deployment deployment;
    private final DemoData demoData;
    private final boolean enabled;

    DemoDataLoader(Deployment deployment, DemoData demoData,
                   @Value("${waymark.demo-data.enabled:true}") boolean enabled) {
        this.deployment = deployment;
        this.demoData = demoData;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (deployment.embeddedDatabase() && enabled) {
            demoData.load();
        }
    }
}
