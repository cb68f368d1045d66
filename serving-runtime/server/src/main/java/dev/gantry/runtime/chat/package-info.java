/** Chat messages rendered to a prompt with the model's Jinja chat template (or the documented default). */
package dev.gantry.runtime.chat;
