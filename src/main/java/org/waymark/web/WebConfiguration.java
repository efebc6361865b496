package org.waymark.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** GOV.UK Frontend's stylesheet asks for /assets/fonts and /assets/images: serve them from the webjar. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final String assets;

    WebConfiguration(@Value("${waymark.govuk-frontend.version}") String govukFrontendVersion) {
        this.assets = "classpath:/META-INF/resources/webjars/govuk-frontend/" + govukFrontendVersion + "/dist/govuk/assets/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(assets);
        registry.addResourceHandler("/favicon.ico").addResourceLocations(assets + "images/");
    }
}
