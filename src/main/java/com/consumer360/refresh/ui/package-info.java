/** The admin page of the weekly refresh: start a run, watch its progress, read the job history. */
package com.consumer360.refresh.ui;
