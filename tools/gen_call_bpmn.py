#!/usr/bin/env python3
"""Generates processes/call-for-projects.bpmn (model + full DI) from the layout below.

The model is kept as data here so that shapes and edges never drift apart; the generated file is
what Camunda Modeler opens and what the engine deploys. Run: python3 tools/gen_call_bpmn.py
"""
from xml.sax.saxutils import escape
import pathlib

SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "intermediateCatchEvent": (36, 36),
         "boundaryEvent": (36, 36), "exclusiveGateway": (50, 50), "serviceTask": (120, 80),
         "userTask": (120, 80), "receiveTask": (120, 80)}
Y = 260  # main line (centre)
nodes = {}  # id -> dict
order = []


def node(id, kind, name, cx, cy=Y, body="", attrs="", parent=None, w=None, h=None):
    sw, sh = SIZES.get(kind, (w, h))
    if w: sw = w
    if h: sh = h
    nodes[id] = dict(id=id, kind=kind, name=name, x=cx - sw / 2, y=cy - sh / 2, w=sw, h=sh, body=body,
                     attrs=attrs, parent=parent, inc=[], out=[])
    order.append(id)


flows = []


def flow(id, src, tgt, name=None, cond=None, wps=None):
    flows.append(dict(id=id, src=src, tgt=tgt, name=name, cond=cond, wps=wps))
    nodes[src]["out"].append(id)
    nodes[tgt]["inc"].append(id)


def svc(id, name, cx, delegate, cy=Y, asyncb=True, parent=None):
    a = ' camunda:delegateExpression="${%s}"' % delegate
    if asyncb:
        a += ' camunda:asyncBefore="true"'
    node(id, "serviceTask", name, cx, cy, attrs=a, parent=parent)


def user(id, name, cx, form, group, cy=Y):
    node(id, "userTask", name, cx, cy,
         attrs=' camunda:formRef="%s" camunda:formRefBinding="deployment" camunda:candidateGroups="%s"' % (form, group))


def timer(expr):
    return '<bpmn:timerEventDefinition id="TimerDef_%s"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDate></bpmn:timerEventDefinition>' % (
        expr.strip("${}"), expr)


# ---------------------------------------------------------------- elements
node("StartEvent_CallPublished", "startEvent", "Appel à publier", 120,
     attrs=' camunda:formRef="call-publish" camunda:formRefBinding="deployment"')
svc("Task_PublishCall", "Publier l'appel", 230, "publishCallDelegate", asyncb=False)

SPX, SPW = 340, 820
node("SubProcess_LotWindow", "subProcess", "Fenêtre de dépôt de chaque lot", SPX + SPW / 2, Y, w=SPW, h=200,
     body='<bpmn:multiInstanceLoopCharacteristics camunda:collection="${lotCodes}" camunda:elementVariable="lotCode" />')
P = "SubProcess_LotWindow"
node("StartEvent_LotWindow", "startEvent", "Lot publié", SPX + 50, parent=P)
svc("Task_PrepareLotWindow", "Préparer les dates du lot", SPX + 160, "lotWindowDelegate", asyncb=False, parent=P)
node("TimerEvent_LotOpens", "intermediateCatchEvent", "Ouverture du lot", SPX + 280, parent=P, body=timer("${lotOpensAt}"))
svc("Task_OpenLot", "Ouvrir le lot", SPX + 400, "openLotDelegate", parent=P)
node("TimerEvent_LotCloses", "intermediateCatchEvent", "Clôture du lot", SPX + 530, parent=P, body=timer("${lotClosesAt}"))
svc("Task_CloseLot", "Clore le lot et signaler la date limite", SPX + 650, "closeLotDelegate", parent=P)
node("EndEvent_LotClosed", "endEvent", "Lot clos", SPX + 770, parent=P)

X = SPX + SPW + 110
svc("Task_CountCandidates", "Compter les candidatures", X, "countCandidatesDelegate")
node("Gateway_HasCandidates", "exclusiveGateway", "Des candidatures ?", X + 135)
node("EndEvent_NoApplication", "endEvent", "Appel clos sans candidature", X + 135, Y + 150)
user("Task_OrganiseJurySession", "Organiser la séance du jury", X + 260, "organiser-seance-jury", "instructeurs")
svc("Task_ConveneJury", "Convoquer le jury", X + 410, "conveneJuryDelegate")
node("Task_WaitForOpinions", "receiveTask", "Recueillir les avis du jury", X + 560, attrs=' messageRef="Message_AllOpinionsIn"')
node("TimerEvent_OpinionReminder", "boundaryEvent", "Relance avant l'échéance", X + 540, Y - 40,
     attrs=' cancelActivity="false" attachedToRef="Task_WaitForOpinions"', body=timer("${opinionReminderIso}"))
node("TimerEvent_OpinionDeadline", "boundaryEvent", "Échéance des avis", X + 580, Y + 40,
     attrs=' attachedToRef="Task_WaitForOpinions"', body=timer("${opinionDeadlineIso}"))
svc("Task_RemindJury", "Relancer les membres du jury", X + 660, "remindJuryDelegate", cy=Y - 150)
node("EndEvent_JuryReminded", "endEvent", "Jury relancé", X + 790, Y - 150)
node("Gateway_OpinionsJoin", "exclusiveGateway", "", X + 710)
svc("Task_RankCandidates", "Calculer le classement", X + 820, "rankCandidatesDelegate")
node("Gateway_SynthesisJoin", "exclusiveGateway", "", X + 950)
user("Task_JurySynthesis", "Établir la synthèse du jury", X + 1070, "etablir-synthese-jury", "instructeurs")
svc("Task_CheckEnvelope", "Vérifier l'enveloppe", X + 1220, "checkEnvelopeDelegate")
node("BoundaryEvent_SynthesisRefused", "boundaryEvent", "Synthèse refusée", X + 1220, Y + 40,
     attrs=' attachedToRef="Task_CheckEnvelope"',
     body='<bpmn:errorEventDefinition id="ErrorDef_SynthesisRefused" errorRef="Error_SynthesisRefused" camunda:errorMessageVariable="synthesisError" />')
user("Task_PrepareAssemblyReport", "Préparer le rapport à l'assemblée", X + 1370, "preparer-rapport-assemblee", "instructeurs")
node("Gateway_DeliberationJoin", "exclusiveGateway", "", X + 1500)
user("Task_RecordDeliberation", "Enregistrer la délibération", X + 1620, "enregistrer-deliberation", "secretariat-assemblee")
svc("Task_SaveDeliberation", "Contrôler la délibération", X + 1770, "saveDeliberationDelegate")
node("BoundaryEvent_InvalidDeliberation", "boundaryEvent", "Délibération incomplète", X + 1770, Y + 40,
     attrs=' attachedToRef="Task_SaveDeliberation"',
     body='<bpmn:errorEventDefinition id="ErrorDef_InvalidDeliberation" errorRef="Error_InvalidDeliberation" camunda:errorMessageVariable="deliberationError" />')
node("Gateway_Adopted", "exclusiveGateway", "Adoptée ?", X + 1900)
svc("Task_SendDecisions", "Notifier les décisions", X + 2030, "sendDecisionsDelegate", asyncb=False)
node("Gateway_ExecutionJoin", "exclusiveGateway", "", X + 2160)
svc("Task_CheckActiveApplications", "Vérifier les dossiers en cours", X + 2280, "checkActiveApplicationsDelegate")
node("Gateway_ActiveApplications", "exclusiveGateway", "Dossiers en cours ?", X + 2410)
node("Event_ApplicationEnded", "intermediateCatchEvent", "Fin d'un dossier", X + 2280, Y + 150,
     body='<bpmn:messageEventDefinition id="MessageDef_ApplicationEnded" messageRef="Message_ApplicationEnded" />')
user("Task_FinalReview", "Établir le bilan de l'appel", X + 2540, "etablir-bilan-appel", "instructeurs")
svc("Task_CloseOutCall", "Solder l'appel", X + 2690, "closeOutCallDelegate")
node("EndEvent_CallClosedOut", "endEvent", "Appel soldé", X + 2810)


def right(n): return (n["x"] + n["w"], n["y"] + n["h"] / 2)
def left(n): return (n["x"], n["y"] + n["h"] / 2)
def top(n): return (n["x"] + n["w"] / 2, n["y"])
def bottom(n): return (n["x"] + n["w"] / 2, n["y"] + n["h"])


N = nodes
# ---------------------------------------------------------------- flows
flow("Flow_ToPublish", "StartEvent_CallPublished", "Task_PublishCall")
flow("Flow_ToLotWindows", "Task_PublishCall", "SubProcess_LotWindow")
flow("Flow_LotToPrepare", "StartEvent_LotWindow", "Task_PrepareLotWindow")
flow("Flow_LotToOpening", "Task_PrepareLotWindow", "TimerEvent_LotOpens")
flow("Flow_LotOpens", "TimerEvent_LotOpens", "Task_OpenLot")
flow("Flow_LotToClosing", "Task_OpenLot", "TimerEvent_LotCloses")
flow("Flow_LotCloses", "TimerEvent_LotCloses", "Task_CloseLot")
flow("Flow_LotClosed", "Task_CloseLot", "EndEvent_LotClosed")
flow("Flow_AllLotsClosed", "SubProcess_LotWindow", "Task_CountCandidates")
flow("Flow_ToHasCandidates", "Task_CountCandidates", "Gateway_HasCandidates")
flow("Flow_NoCandidate", "Gateway_HasCandidates", "EndEvent_NoApplication", "Aucune", "${!hasCandidates}",
     wps=[bottom(N["Gateway_HasCandidates"]), top(N["EndEvent_NoApplication"])])
flow("Flow_Candidates", "Gateway_HasCandidates", "Task_OrganiseJurySession", "Oui", "${hasCandidates}")
flow("Flow_ToConvene", "Task_OrganiseJurySession", "Task_ConveneJury")
flow("Flow_ToWaitOpinions", "Task_ConveneJury", "Task_WaitForOpinions")
flow("Flow_AllOpinionsIn", "Task_WaitForOpinions", "Gateway_OpinionsJoin")
r = N["TimerEvent_OpinionReminder"]
flow("Flow_ToRemind", "TimerEvent_OpinionReminder", "Task_RemindJury",
     wps=[top(r), (top(r)[0], Y - 150), left(N["Task_RemindJury"])])
flow("Flow_Reminded", "Task_RemindJury", "EndEvent_JuryReminded")
d = N["TimerEvent_OpinionDeadline"]
g = N["Gateway_OpinionsJoin"]
flow("Flow_OpinionDeadline", "TimerEvent_OpinionDeadline", "Gateway_OpinionsJoin",
     wps=[bottom(d), (bottom(d)[0], Y + 90), (bottom(g)[0], Y + 90), bottom(g)])
flow("Flow_ToRank", "Gateway_OpinionsJoin", "Task_RankCandidates")
flow("Flow_RankToSynthesis", "Task_RankCandidates", "Gateway_SynthesisJoin")
flow("Flow_ToSynthesis", "Gateway_SynthesisJoin", "Task_JurySynthesis")
flow("Flow_ToCheckEnvelope", "Task_JurySynthesis", "Task_CheckEnvelope")
b = N["BoundaryEvent_SynthesisRefused"]
sj = N["Gateway_SynthesisJoin"]
flow("Flow_SynthesisRefused", "BoundaryEvent_SynthesisRefused", "Gateway_SynthesisJoin",
     wps=[bottom(b), (bottom(b)[0], Y + 100), (bottom(sj)[0], Y + 100), bottom(sj)])
flow("Flow_ToReport", "Task_CheckEnvelope", "Task_PrepareAssemblyReport")
flow("Flow_ReportToDeliberation", "Task_PrepareAssemblyReport", "Gateway_DeliberationJoin")
flow("Flow_ToRecordDeliberation", "Gateway_DeliberationJoin", "Task_RecordDeliberation")
flow("Flow_ToSaveDeliberation", "Task_RecordDeliberation", "Task_SaveDeliberation")
b = N["BoundaryEvent_InvalidDeliberation"]
dj = N["Gateway_DeliberationJoin"]
flow("Flow_DeliberationInvalid", "BoundaryEvent_InvalidDeliberation", "Gateway_DeliberationJoin",
     wps=[bottom(b), (bottom(b)[0], Y + 100), (bottom(dj)[0], Y + 100), bottom(dj)])
flow("Flow_ToAdopted", "Task_SaveDeliberation", "Gateway_Adopted")
a = N["Gateway_Adopted"]
flow("Flow_NotAdopted", "Gateway_Adopted", "Gateway_SynthesisJoin", "Non adoptée : nouvelle séance", "${!deliberationAdopted}",
     wps=[top(a), (top(a)[0], Y - 120), (top(sj)[0], Y - 120), top(sj)])
flow("Flow_Adopted", "Gateway_Adopted", "Task_SendDecisions", "Adoptée", "${deliberationAdopted}")
flow("Flow_ToExecution", "Task_SendDecisions", "Gateway_ExecutionJoin")
flow("Flow_ToCheckActive", "Gateway_ExecutionJoin", "Task_CheckActiveApplications")
flow("Flow_ToActiveGateway", "Task_CheckActiveApplications", "Gateway_ActiveApplications")
ag = N["Gateway_ActiveApplications"]
ev = N["Event_ApplicationEnded"]
ej = N["Gateway_ExecutionJoin"]
flow("Flow_WaitApplicationEnded", "Gateway_ActiveApplications", "Event_ApplicationEnded", "Oui", "${activeApplications}",
     wps=[bottom(ag), (bottom(ag)[0], Y + 150), right(ev)])
flow("Flow_ApplicationEnded", "Event_ApplicationEnded", "Gateway_ExecutionJoin",
     wps=[left(ev), (bottom(ej)[0], Y + 150), bottom(ej)])
flow("Flow_NoActiveApplication", "Gateway_ActiveApplications", "Task_FinalReview", "Non", "${!activeApplications}")
flow("Flow_ToCloseOut", "Task_FinalReview", "Task_CloseOutCall")
flow("Flow_ClosedOut", "Task_CloseOutCall", "EndEvent_CallClosedOut")


# ---------------------------------------------------------------- output
def element(n):
    inner = "".join('<bpmn:incoming>%s</bpmn:incoming>' % f for f in n["inc"])
    inner += "".join('<bpmn:outgoing>%s</bpmn:outgoing>' % f for f in n["out"])
    name = ' name="%s"' % escape(n["name"], {'"': "&quot;"}) if n["name"] else ""
    if n["kind"] == "subProcess":
        children = [c for c in order if nodes[c]["parent"] == n["id"]]
        inner += n["body"]
        inner += "".join(element(nodes[c]) for c in children)
        inner += "".join(seq(f) for f in flows if nodes[f["src"]]["parent"] == n["id"])
        return '<bpmn:subProcess id="%s"%s>%s</bpmn:subProcess>\n' % (n["id"], name, inner)
    return '<bpmn:%s id="%s"%s%s>%s%s</bpmn:%s>\n' % (n["kind"], n["id"], name, n["attrs"], inner, n["body"], n["kind"])


def seq(f):
    name = ' name="%s"' % escape(f["name"]) if f["name"] else ""
    cond = ('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % f["cond"]) if f["cond"] else ""
    return '<bpmn:sequenceFlow id="%s"%s sourceRef="%s" targetRef="%s">%s</bpmn:sequenceFlow>\n' % (
        f["id"], name, f["src"], f["tgt"], cond)


def waypoints(f):
    if f["wps"]:
        return f["wps"]
    s, t = nodes[f["src"]], nodes[f["tgt"]]
    a, b = right(s), left(t)
    if abs(a[1] - b[1]) < 1:
        return [a, b]
    mx = (a[0] + b[0]) / 2
    return [a, (mx, a[1]), (mx, b[1]), b]


top_nodes = "".join(element(nodes[i]) for i in order if nodes[i]["parent"] is None)
top_flows = "".join(seq(f) for f in flows if nodes[f["src"]]["parent"] is None)
shapes = ""
for i in order:
    n = nodes[i]
    extra = ' isExpanded="true"' if n["kind"] == "subProcess" else ""
    extra += ' isMarkerVisible="true"' if n["kind"] == "exclusiveGateway" else ""
    label = ""
    if n["kind"] in ("startEvent", "endEvent", "intermediateCatchEvent", "boundaryEvent", "exclusiveGateway") and n["name"]:
        ly = n["y"] + n["h"] + 5 if n["kind"] != "boundaryEvent" or n["y"] > Y - 40 else n["y"] - 30
        if n["id"] == "TimerEvent_OpinionReminder":
            ly = n["y"] - 30
            lx = n["x"] - 110
        else:
            lx = n["x"] - 30
        label = '<bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="%d" height="27" /></bpmndi:BPMNLabel>' % (lx, ly, n["w"] + 60)
    shapes += '<bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s><dc:Bounds x="%d" y="%d" width="%d" height="%d" />%s</bpmndi:BPMNShape>\n' % (
        i, i, extra, n["x"], n["y"], n["w"], n["h"], label)
edges = ""
for f in flows:
    pts = "".join('<di:waypoint x="%d" y="%d" />' % p for p in waypoints(f))
    label = ""
    if f["name"]:
        p = waypoints(f)[1] if len(waypoints(f)) > 2 else waypoints(f)[0]
        label = '<bpmndi:BPMNLabel><dc:Bounds x="%d" y="%d" width="90" height="27" /></bpmndi:BPMNLabel>' % (p[0] + 5, p[1] - 30 if p[1] <= Y else p[1] - 5)
    edges += '<bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">%s%s</bpmndi:BPMNEdge>\n' % (f["id"], f["id"], pts, label)

xml = '''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_CallForProjects" targetNamespace="http://pasdecalais.fr/habitat/aap" exporter="gen_call_bpmn.py" exporterVersion="1" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
<bpmn:process id="call-for-projects" name="Appel à projets" isExecutable="true" camunda:historyTimeToLive="P180D" camunda:versionTag="1">
<bpmn:documentation>Cycle de vie d'un appel à projets : publication, fenêtre de dépôt de chaque lot, jury, synthèse, délibération (Commission Permanente ou Préfet), décisions, exécution et bilan.</bpmn:documentation>
%s%s</bpmn:process>
<bpmn:message id="Message_AllOpinionsIn" name="Message_AllOpinionsIn" />
<bpmn:message id="Message_ApplicationEnded" name="Message_ApplicationEnded" />
<bpmn:error id="Error_SynthesisRefused" name="Synthèse refusée" errorCode="SYNTHESIS_REFUSED" />
<bpmn:error id="Error_InvalidDeliberation" name="Délibération incomplète" errorCode="INVALID_DELIBERATION" />
<bpmndi:BPMNDiagram id="BPMNDiagram_CallForProjects">
<bpmndi:BPMNPlane id="BPMNPlane_CallForProjects" bpmnElement="call-for-projects">
%s%s</bpmndi:BPMNPlane>
</bpmndi:BPMNDiagram>
</bpmn:definitions>
''' % (top_nodes, top_flows, shapes, edges)
out = pathlib.Path(__file__).resolve().parent.parent / "processes" / "call-for-projects.bpmn"
out.write_text(xml, encoding="utf-8")
print("written", out)
