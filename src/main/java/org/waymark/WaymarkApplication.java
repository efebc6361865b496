package org.waymark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Waymark: the multi-agency response to domestic violence and abuse, as one deployable. */
@SpringBootApplication
public class WaymarkApplication {

    public static void main(String[] args) {
        SpringApplication.run(WaymarkApplication.class, args);
    }
}
