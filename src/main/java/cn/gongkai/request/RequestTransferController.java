package cn.gongkai.request;

import cn.gongkai.org.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 转交 in the workbench (the office): hand a request to the responsible agency; sign for one handed to us. */
@Controller
@RequestMapping("/workbench/request-transfers")
class RequestTransferController {

    private final RequestTransferDesk transfers;
    private final RequestDesk desk;

    RequestTransferController(RequestTransferDesk transfers, RequestDesk desk) {
        this.transfers = transfers;
        this.desk = desk;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<RequestTransfer> received = transfers.list(me, RequestTransferDesk.Box.RECEIVED);
        List<RequestTransfer> sent = transfers.list(me, RequestTransferDesk.Box.SENT);
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> tracking = new HashMap<>();
        for (RequestTransfer t : received) {
            names.put(t.getId(), transfers.agencyName(t.getFromAgencyId()));
            tracking.put(t.getId(), transfers.trackingOf(t.getNewRequestId()));
        }
        for (RequestTransfer t : sent) {
            names.put(t.getId(), transfers.agencyName(t.getToAgencyId()));
            tracking.put(t.getId(), transfers.trackingOf(t.getFromRequestId()));
        }
        model.addAttribute("received", received);
        model.addAttribute("sent", sent);
        model.addAttribute("names", names);
        model.addAttribute("tracking", tracking);
        return "request/transfers";
    }

    @GetMapping("/new")
    String newTransfer(@AuthenticationPrincipal StaffPrincipal me, @RequestParam Long request, Model model) {
        return form(me, request, "", "", null, model);
    }

    private String form(StaffPrincipal me, Long request, String toAgency, String reason, String problem,
            Model model) {
        RequestTransferDesk.requireOffice(me);
        model.addAttribute("request", desk.get(me, request));
        model.addAttribute("agencies", transfers.destinations(me));
        model.addAttribute("toAgency", toAgency);
        model.addAttribute("reason", reason);
        model.addAttribute("problem", problem);
        return "request/transfer-new";
    }

    @PostMapping
    String transfer(@AuthenticationPrincipal StaffPrincipal me, @RequestParam Long request,
            @RequestParam(required = false) String toAgency, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            RequestTransfer t = transfers.transfer(me, request, toAgency, reason);
            flash.addFlashAttribute("notice", "request.transfer.notice.sent");
            return "redirect:/workbench/request-transfers/" + t.getId();
        } catch (RequestRuleViolation e) {
            // A wrong field is 400; a rule the request's state refuses (closed, already handed over) is 409.
            response.setStatus(e.field() != null ? 400 : 409);
            return form(me, request, toAgency == null ? "" : toAgency, reason == null ? "" : reason, e.getMessage(),
                    model);
        }
    }

    @GetMapping("/{id}")
    String view(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        RequestTransfer t = transfers.visible(me, id);
        InfoRequest from = transfers.handedOver(t);
        model.addAttribute("t", t);
        model.addAttribute("from", from);
        model.addAttribute("fromAgency", transfers.agencyName(t.getFromAgencyId()));
        model.addAttribute("toAgency", transfers.agencyName(t.getToAgencyId()));
        model.addAttribute("newTracking", transfers.trackingOf(t.getNewRequestId()));
        model.addAttribute("canSign", !t.isSigned() && me.agencyId().equals(t.getToAgencyId()));
        model.addAttribute("sender", me.agencyId().equals(t.getFromAgencyId()));
        return "request/transfer";
    }

    @PostMapping("/{id}/sign")
    String sign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, RedirectAttributes flash) {
        Receipt r;
        try {
            r = transfers.sign(me, id);
        } catch (RequestRuleViolation e) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.CONFLICT, e.rule());
        }
        // The query code is shown once, for an applicant who gave no e-mail address to be told by post.
        flash.addFlashAttribute("signedTracking", r.trackingNumber());
        flash.addFlashAttribute("signedQueryCode", r.queryCode());
        flash.addFlashAttribute("notice", "request.transfer.notice.signed");
        return "redirect:/workbench/request-transfers/" + id;
    }
}
