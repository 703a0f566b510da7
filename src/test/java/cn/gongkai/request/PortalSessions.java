package cn.gongkai.request;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The portal's tracking as a browser does it: number and code by POST, then pages and downloads in that session. */
final class PortalSessions {

    private PortalSessions() {
    }

    /** Sends the tracking form in a new session and answers that session (tracked when number and code are right). */
    static MockHttpSession track(MockMvc mvc, String number, String code) throws Exception {
        MockHttpSession session = new MockHttpSession();
        post(mvc, session, number, code);
        return session;
    }

    static ResultActions post(MockMvc mvc, MockHttpSession session, String number, String code) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/portal/track")
                .session(session).with(csrf()).param("number", number).param("code", code));
    }

    /** The tracking page as this session sees it. */
    static String page(MockMvc mvc, MockHttpSession session) throws Exception {
        return mvc.perform(get("/portal/track").session(session)).andReturn().getResponse().getContentAsString();
    }
}
