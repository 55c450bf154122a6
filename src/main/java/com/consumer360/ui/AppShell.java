package com.consumer360.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: the Lumo theme with our stylesheet, and server push for progress updates. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/consumer360.css")
@Push
public class AppShell implements AppShellConfigurator {
}
