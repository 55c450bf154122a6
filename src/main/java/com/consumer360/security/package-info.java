/** Sign-in, roles and the region scope that row-level security enforces in PostgreSQL. */
package com.consumer360.security;
