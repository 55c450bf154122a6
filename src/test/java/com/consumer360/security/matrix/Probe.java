package com.consumer360.security.matrix;

import org.springframework.context.ApplicationContext;

/** Calls one service method (all its overloads) as the signed-in user and hands every result to the observer. */
@FunctionalInterface
interface Probe {

    void run(ApplicationContext beans, ScopeObserver observer) throws Exception;
}
