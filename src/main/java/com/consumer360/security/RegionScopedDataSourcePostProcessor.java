package com.consumer360.security;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Wraps the application's data source so that every connection carries the current region scope. */
@Component
class RegionScopedDataSourcePostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof RegionScopedDataSource)) {
            return new RegionScopedDataSource(dataSource);
        }
        return bean;
    }
}
