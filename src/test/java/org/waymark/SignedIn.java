package org.waymark;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** A browser-like session, signed in through the real sign-in form. */
public final class SignedIn {

    private SignedIn() {
    }

    public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/sign-in").user(username).password("demo"))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
