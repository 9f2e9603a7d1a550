import datetime
import itertools

from odoo import Command
from odoo.addons.jmsc_base.tests.common import JmscBaseCommon, make_agency, make_nik
from odoo.addons.jmsc_base.tools.office_day import office_today
from odoo.tests import new_test_user

# Test migrants use serials 9xxx of district 32.12.05 so they never meet demo records.
_serials = itertools.count(9001)


class TrainingCommon(JmscBaseCommon):
    """Two centres with rooms, programmes, trainers, and users for every group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.today = office_today(cls.env.user)
        cls.indramayu, cls.cirebon = cls.regency_indramayu, cls.regency_cirebon
        cls.blk = make_agency(cls.env, "BLK Test Indramayu", "training_centre", ref="BLKT")
        cls.lpk = make_agency(cls.env, "LPK Test Cirebon", "training_centre", ref="LPKT")
        Room = cls.env["jmsc.training.room"]
        cls.room_a = Room.create({"name": "Room A", "centre_id": cls.blk.id, "capacity": 40})
        cls.room_b = Room.create({"name": "Room B", "centre_id": cls.blk.id, "capacity": 40})
        cls.room_lpk = Room.create({"name": "Class 1", "centre_id": cls.lpk.id, "capacity": 40})
        Programme = cls.env["jmsc.training.programme"]
        cls.japanese = Programme.create(
            {
                "code": "TJPN",
                "name": "Japanese Test",
                "category": "language",
                "min_attendance": 80.0,
                "pass_mark": 70.0,
                "component_ids": [
                    Command.create({"name": "Written", "weight": 40.0}),
                    Command.create({"name": "Speaking", "weight": 60.0}),
                ],
            }
        )
        cls.written, cls.speaking = cls.japanese.component_ids.sorted("id")
        cls.caregiving = Programme.create(
            {"code": "TCARE", "name": "Caregiving Test", "category": "caregiving", "pass_mark": 60.0}
        )
        cls.user_trainer = new_test_user(
            cls.env, login="trn_trainer", groups="jmsc_training.group_training_trainer", name="Trainer One"
        )
        cls.user_trainer2 = new_test_user(
            cls.env, login="trn_trainer2", groups="jmsc_training.group_training_trainer", name="Trainer Two"
        )
        cls.user_staff = new_test_user(
            cls.env,
            login="trn_staff",
            groups="jmsc_training.group_training_centre_staff",
            jmsc_agency_id=cls.blk.id,
        )
        cls.user_staff_lpk = new_test_user(
            cls.env,
            login="trn_staff_lpk",
            groups="jmsc_training.group_training_centre_staff",
            jmsc_agency_id=cls.lpk.id,
        )
        cls.user_manager = new_test_user(cls.env, login="trn_manager", groups="jmsc_training.group_training_manager")
        Trainer = cls.env["jmsc.training.trainer"]
        cls.trainer = Trainer.create({"partner_id": cls.user_trainer.partner_id.id, "user_id": cls.user_trainer.id})
        cls.trainer2 = Trainer.create({"partner_id": cls.user_trainer2.partner_id.id, "user_id": cls.user_trainer2.id})

    @classmethod
    def create_migrant(cls, name, regency=None, female=False, born=datetime.date(1995, 6, 5), **vals):
        regency = regency or cls.indramayu
        region = f"{regency.code.replace('.', '')}05"
        nik = make_nik(born.day, born.month, born.year, serial=next(_serials), female=female, region=region)
        return cls._create_migrant(name, nik, regency=regency, **vals)

    @classmethod
    def create_batch(cls, programme=None, room=None, trainers=None, start=None, days=10, state="open", **vals):
        start = start or cls.today
        room = room if room is not None else cls.room_a
        batch = cls.env["jmsc.training.batch"].create(
            {
                "programme_id": (programme or cls.japanese).id,
                "centre_id": room.centre_id.id if room else cls.blk.id,
                "room_id": room.id if room else False,
                "trainer_ids": [Command.set((trainers if trainers is not None else cls.trainer).ids)],
                "date_start": start,
                "date_end": start + datetime.timedelta(days=days),
                **vals,
            }
        )
        if state in ("open", "running"):
            batch.action_open()
        return batch

    @classmethod
    def add_session(cls, batch, day=None, hour_start=8.0, hour_end=12.0, **vals):
        return cls.env["jmsc.training.session"].create(
            {
                "batch_id": batch.id,
                "date": day or batch.date_start,
                "hour_start": hour_start,
                "hour_end": hour_end,
                **vals,
            }
        )

    @classmethod
    def enrol(cls, batch, partners):
        return cls.env["jmsc.training.enrolment"].create(
            [{"partner_id": partner.id, "batch_id": batch.id} for partner in partners]
        )
