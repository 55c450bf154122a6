package com.consumer360.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-wide settings: the Lumo theme with our stylesheet, server push for progress updates, and every view's
 * components in the production bundle's first download. Without the last, a page opened by its address as the
 * first one of a tab waits for its own lazily loaded chunk, and under load its elements showed un-upgraded
 * (definitions expanded, grids without headers) until the chunk came.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/consumer360.css")
@Push
@LoadDependenciesOnStartup
public class AppShell implements AppShellConfigurator {
}
