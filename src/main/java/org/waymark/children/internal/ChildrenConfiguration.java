package org.waymark.children.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.waymark.children.ChildrenSettings;

@Configuration
@EnableConfigurationProperties(ChildrenSettings.class)
class ChildrenConfiguration {
}
