package cn.gongkai.notification;

import cn.gongkai.org.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 消息: the signed-in member's reminders. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/workbench/inbox")
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("notifications", inbox.latest(me.id()));
        return "notification/inbox";
    }

    @PostMapping("/workbench/inbox/{id}/read")
    String read(@AuthenticationPrincipal StaffPrincipal me, @PathVariable Long id) {
        inbox.markRead(me.id(), id);
        return "redirect:/workbench/inbox";
    }

    @PostMapping("/workbench/inbox/read-all")
    String readAll(@AuthenticationPrincipal StaffPrincipal me) {
        inbox.markAllRead(me.id());
        return "redirect:/workbench/inbox";
    }
}
