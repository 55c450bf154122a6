/** Administration: users, roles and region assignments. */
package com.consumer360.admin;
