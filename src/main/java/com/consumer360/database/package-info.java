/** The one PostgreSQL database: the embedded default, the external configuration and connection failures. */
package com.consumer360.database;
