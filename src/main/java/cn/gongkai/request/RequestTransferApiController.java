package cn.gongkai.request;

import cn.gongkai.org.StaffPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 转交 as data: {@code POST /api/v1/requests/{trackingNumber}/transfer {"toAgency","reason"}} hands a request to the
 * responsible agency on the platform; {@code GET /api/v1/request-transfers?role=sent|received} lists;
 * {@code POST /api/v1/request-transfers/{id}/sign} is the receiving office's 签收, answering the new request's receipt.
 */
@RestController
class RequestTransferApiController {

    private final RequestTransferDesk transfers;
    private final RequestDesk desk;
    private final MessageSource messages;

    RequestTransferApiController(RequestTransferDesk transfers, RequestDesk desk, MessageSource messages) {
        this.transfers = transfers;
        this.desk = desk;
        this.messages = messages;
    }

    record TransferBody(String toAgency, String reason) {
    }

    @PostMapping(path = "/api/v1/requests/{trackingNumber}/transfer", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> transfer(@AuthenticationPrincipal StaffPrincipal me,
            @PathVariable String trackingNumber, @RequestBody TransferBody body) {
        RequestTransferDesk.requireOffice(me);
        RequestTransfer t = transfers.transfer(me, desk.idOf(me, trackingNumber), body.toAgency(), body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(t));
    }

    @GetMapping(path = "/api/v1/request-transfers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "received") String role) {
        RequestTransferDesk.Box box = switch (role) {
            case "sent" -> RequestTransferDesk.Box.SENT;
            case "received" -> RequestTransferDesk.Box.RECEIVED;
            default -> throw new RequestRuleViolation("request.transfer.error.role", "role");
        };
        return transfers.list(me, box).stream().map(this::json).toList();
    }

    @GetMapping(path = "/api/v1/request-transfers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return json(transfers.visible(me, id));
    }

    @PostMapping(path = "/api/v1/request-transfers/{id}/sign", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> sign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        Receipt r = transfers.sign(me, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trackingNumber", r.trackingNumber());
        out.put("queryCode", r.queryCode());
        out.put("receivedOn", r.receivedOn().toString());
        out.put("dueOn", r.dueOn().toString());
        return out;
    }

    private Map<String, Object> json(RequestTransfer t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.getId());
        out.put("status", t.isSigned() ? "SIGNED" : "SENT");
        out.put("fromAgency", transfers.agencyName(t.getFromAgencyId()));
        out.put("fromTrackingNumber", transfers.trackingOf(t.getFromRequestId()));
        out.put("toAgency", transfers.agencyName(t.getToAgencyId()));
        out.put("reason", t.getReason());
        out.put("sentOn", t.getSentOn().toString());
        out.put("signedOn", t.getSignedOn() == null ? null : t.getSignedOn().toString());
        out.put("newTrackingNumber", transfers.trackingOf(t.getNewRequestId()));
        return out;
    }

    @ExceptionHandler(RequestRuleViolation.class)
    ResponseEntity<Map<String, Object>> refused(RequestRuleViolation e) {
        String text = messages.getMessage(e.getMessage(), null, e.getMessage(), Locale.SIMPLIFIED_CHINESE);
        boolean bad = e.field() != null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", bad ? 400 : 409);
        body.put("rule", e.getMessage());
        body.put("message", text);
        if (bad) {
            body.put("errors", List.of(Map.of("field", e.field(), "message", text)));
        }
        return ResponseEntity.status(bad ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(RequestTransferDesk.TransferForbidden.class)
    ResponseEntity<Map<String, Object>> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("status", 403, "message",
                messages.getMessage("request.transfer.error.forbidden", null, Locale.SIMPLIFIED_CHINESE)));
    }

    @ExceptionHandler(RequestDesk.RequestNotFound.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("status", 404, "message",
                messages.getMessage("request.transfer.error.notFound", null, Locale.SIMPLIFIED_CHINESE)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
        String text = messages.getMessage("request.transfer.error.unreadable", null, Locale.SIMPLIFIED_CHINESE);
        return ResponseEntity.badRequest().body(Map.of("status", 400, "message", text, "errors",
                List.of(Map.of("field", "body", "message", text))));
    }
}
